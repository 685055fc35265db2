package org.beholder.core.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recent events of every channel in memory (bounded per channel, oldest dropped first), and the fan-out of new
 * events to live pages. Recordings are listed from the engine's index instead, so they survive restarts;
 * {@code recording} events here only announce starts and stops to live pages.
 */
public final class EventJournal {
    private static final Logger logger = LoggerFactory.getLogger(EventJournal.class);

    private final int maxPerChannel;
    private final Map<String, ArrayDeque<NvrEvent>> byChannel = new HashMap<>();
    private final List<Consumer<NvrEvent>> listeners = new CopyOnWriteArrayList<>();

    public EventJournal(int maxPerChannel) {
        this.maxPerChannel = maxPerChannel;
    }

    /** Keeps the event for the event list and pushes it to live pages. */
    public void record(NvrEvent event) {
        synchronized (byChannel) {
            ArrayDeque<NvrEvent> events = byChannel.computeIfAbsent(event.channel(), c -> new ArrayDeque<>());
            events.addLast(event);
            while (events.size() > maxPerChannel) {
                events.removeFirst();
            }
        }
        push(event);
    }

    /** Pushes to live pages without keeping it (status and statistics updates). */
    public void push(NvrEvent event) {
        for (Consumer<NvrEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) { // one broken page or rule must not keep the event from the others
                logger.warn("Event listener failed on a {} event of {}: {}", event.type(), event.channel(),
                        e.toString());
            }
        }
    }

    /** Kept events of a channel in [from, to), oldest first. */
    public List<NvrEvent> list(String channel, Instant from, Instant to) {
        List<NvrEvent> out = new ArrayList<>();
        synchronized (byChannel) {
            for (NvrEvent event : byChannel.getOrDefault(channel, new ArrayDeque<>())) {
                if (!event.time().isBefore(from) && event.time().isBefore(to)) {
                    out.add(event);
                }
            }
        }
        return out;
    }

    /** The newest kept event of a channel, if any. */
    public NvrEvent last(String channel) {
        synchronized (byChannel) {
            ArrayDeque<NvrEvent> events = byChannel.get(channel);
            return events == null ? null : events.peekLast();
        }
    }

    /** Listeners must not block: they run on the thread that recorded the event. */
    public void addListener(Consumer<NvrEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<NvrEvent> listener) {
        listeners.remove(listener);
    }
}
