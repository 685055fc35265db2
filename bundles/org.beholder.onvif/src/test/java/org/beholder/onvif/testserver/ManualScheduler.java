package org.beholder.onvif.testserver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.beholder.onvif.EventScheduler;

/** Runs scheduled tasks one at a time on the test's thread, moving its clock to each task's due time. */
public final class ManualScheduler implements EventScheduler {
    private record Task(Instant due, long order, Runnable runnable) {
    }

    private Instant now;
    private long order;
    private final List<Task> tasks = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    public ManualScheduler(Instant start) {
        now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        delays.add(delay);
        tasks.add(new Task(now.plus(delay), order++, task));
    }

    /** Runs the earliest task; false when none is scheduled. */
    public boolean runNext() {
        Task next;
        synchronized (this) {
            if (tasks.isEmpty()) {
                return false;
            }
            next = tasks.stream().min(Comparator.comparing(Task::due).thenComparingLong(Task::order)).orElseThrow();
            tasks.remove(next);
            if (next.due().isAfter(now)) {
                now = next.due();
            }
        }
        next.runnable().run();
        return true;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    /** The delay of the task scheduled last. */
    public synchronized Duration lastDelay() {
        return delays.get(delays.size() - 1);
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
