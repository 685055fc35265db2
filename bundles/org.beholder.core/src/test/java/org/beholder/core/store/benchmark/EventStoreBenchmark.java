package org.beholder.core.store.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.beholder.core.store.Box;
import org.beholder.core.store.EventPage;
import org.beholder.core.store.EventQuery;
import org.beholder.core.store.EventStore;
import org.beholder.core.store.EventStoreOptions;
import org.beholder.core.store.RetentionPolicy;
import org.beholder.core.store.RetentionResult;
import org.beholder.core.store.StoredEvent;

/**
 * Fills an event store with 1,000,000 events (30 days, 8 channels, mixed types and labels) and measures typical
 * searches: median and 95th percentile over repeats, each repeat on another channel and day. Not a test: run it by
 * hand (docs/benchmarks.md, "Event store").
 *
 * <p>Arguments: a folder for the data (default {@code target/event-store-benchmark}; reused when it already holds
 * the events), the number of events (default 1,000,000), repeats per query (default 50), and {@code retention} to
 * time two retention passes after the queries (by age: 15 days, a quarter of the recordings still kept; then
 * 40,000 per channel). Retention deletes: the folder then no longer holds the benchmark's events.
 */
public final class EventStoreBenchmark {
    private static final long DAY = 86_400_000L;
    private static final long END = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final int DAYS = 30;
    private static final long START = END - DAYS * DAY;
    private static final int CHANNELS = 8;
    private static final String[] LABELS = {"person", "person", "person", "person", "car", "car", "car", "dog",
        "cat", "bicycle", "truck", "bird", "motorcycle", "horse"};
    private static final String[] ZONES = {"door", "drive", "lawn", "street"};

    private EventStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "target/event-store-benchmark");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        boolean fresh = !Files.exists(data.resolve("events").resolve("events.db"));
        long openStart = System.nanoTime();
        try (EventStore store = EventStore.open(EventStoreOptions.under(data), InstantSource.fixed(
                Instant.ofEpochMilli(END)))) {
            System.out.printf("open: %.0f ms%n", (System.nanoTime() - openStart) / 1e6);
            if (fresh) {
                fill(store, events);
            }
            System.out.printf("events stored: %d%n%n", store.count(EventQuery.all()));
            System.out.println("| query | median | p95 | rows |");
            System.out.println("|---|---:|---:|---:|");
            measure(store, repeats, "one channel + one day, page 1 (50)", r -> channelDay(r));
            measure(store, repeats, "one channel + one day, page 2 by cursor", r -> {
                EventQuery query = channelDay(r);
                return query.withCursor(store.search(query).nextCursor());
            });
            measure(store, repeats, "one channel + one day, page 2 by offset", r -> channelDay(r).withOffset(50));
            count(store, repeats, "one channel + one day, count", r -> channelDay(r));
            measure(store, repeats, "label (person), all channels, 30 days, page 1",
                    r -> EventQuery.all().withLabels("person").withTime(START, END));
            measure(store, repeats, "rare label (horse), all channels, 30 days, page 1",
                    r -> EventQuery.all().withLabels("horse").withTime(START, END));
            measure(store, repeats, "label (car) + minScore 0.8, one channel, one day",
                    r -> channelDay(r).withLabels("car").withMinScore(0.8));
            measure(store, repeats, "objects minScore 0.95, all channels, page 1",
                    r -> EventQuery.all().withTypes("object").withMinScore(0.95));
            measure(store, repeats, "review: all channels, one day, type object, page 1",
                    r -> EventQuery.all().withTypes("object").withTime(dayStart(r), dayStart(r) + DAY));
            measure(store, repeats, "zone (door), one channel + one day, page 1",
                    r -> channelDay(r).withZone("door"));
            measure(store, repeats, "has recording, one channel + one day, page 1",
                    r -> channelDay(r).withHasRecording(true));
            count(store, repeats, "label (person), one day, all channels, count",
                    r -> EventQuery.all().withLabels("person").withTime(dayStart(r), dayStart(r) + DAY));
            count(store, Math.max(5, repeats / 10), "label (person), 30 days, all channels, count",
                    r -> EventQuery.all().withLabels("person"));
            if (args.length > 3 && args[3].equals("retention")) {
                retention(store, new RetentionPolicy(15 * DAY, 0, 0), id -> id.hashCode() % 4 == 0);
                retention(store, new RetentionPolicy(0, 40_000, 0), id -> false);
            }
        }
    }

    private static void retention(EventStore store, RetentionPolicy policy, Predicate<String> recordingKept) {
        long begin = System.nanoTime();
        RetentionResult result = store.applyRetention(policy, recordingKept).join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("%nretention %s: %s in %.1f s (%.0f deleted/s); %d events left%n", policy, result,
                seconds, result.deletedEvents() / seconds, store.count(EventQuery.all()));
    }

    private static long dayStart(int repeat) {
        return START + (repeat * 7L % DAYS) * DAY;
    }

    private static EventQuery channelDay(int repeat) {
        return EventQuery.all().withChannels("cam" + repeat % CHANNELS).withTime(dayStart(repeat),
                dayStart(repeat) + DAY);
    }

    private static void fill(EventStore store, int events) {
        Random random = new Random(42);
        long step = DAYS * DAY / events;
        long begin = System.nanoTime();
        for (int i = 0; i < events; i++) {
            store.put(event(random, i, START + i * step + random.nextLong(step)));
            if (i % 5_000 == 4_999) {
                store.flush(); // the writer's queue must not overflow: a benchmark drops nothing
            }
        }
        store.flush();
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("fill: %d events in %.1f s (%.0f events/s); dropped %s%n", events, seconds,
                events / seconds, store.droppedWrites());
    }

    private static StoredEvent event(Random random, int i, long start) {
        String channel = "cam" + random.nextInt(CHANNELS);
        String id = Long.toString(start, 36) + "-bench-" + Integer.toString(i, 36);
        int kind = random.nextInt(100);
        String recording = random.nextInt(10) < 6 ? "rec-" + channel + "-" + start / 600_000 : null;
        if (kind < 50) {
            long duration = 2_000 + random.nextInt(58_000);
            return new StoredEvent(id, channel, "object", LABELS[random.nextInt(LABELS.length)],
                    0.3 + random.nextDouble() * 0.7, start, start + duration, List.of(ZONES[random.nextInt(4)]),
                    new Box(random.nextDouble() * 0.5, random.nextDouble() * 0.5, 0.2, 0.3), null, recording,
                    recording == null ? null : start % 600_000, random.nextInt(10) == 0,
                    Map.of("counts", Map.of("person", 1L)));
        }
        if (kind < 85) {
            return new StoredEvent(id, channel, "motion", null, null, start, start + 1_000 + random.nextInt(29_000),
                    List.of(ZONES[random.nextInt(4)]), null, null, recording, recording == null ? null
                            : start % 600_000, false, Map.of("phase", "start", "level", random.nextDouble()));
        }
        if (kind < 92) {
            return new StoredEvent(id, channel, "status", "CONNECTED", null, start, start, List.of(), null, null,
                    null, null, false, Map.of("message", "connected", "recording", false));
        }
        if (kind < 99) {
            String rid = "r" + Integer.toString(i, 36);
            return new StoredEvent("recording-" + rid, channel, "recording", null, null, start,
                    start + 30_000 + random.nextInt(270_000), List.of(), null, null, rid, 0L, false,
                    Map.of("reasons", List.of("motion")));
        }
        return new StoredEvent(id, channel, "qr", null, null, start, start, List.of(), null, null, recording, null,
                false, Map.of("text", "parcel-" + i));
    }

    private static void measure(EventStore store, int repeats, String name, IntFunction<EventQuery> query) {
        long rows = 0;
        double[] ms = new double[repeats];
        store.search(query.apply(repeats)); // warm the statement and the page cache once
        for (int r = 0; r < repeats; r++) {
            EventQuery q = query.apply(r);
            long begin = System.nanoTime();
            EventPage page = store.search(q);
            ms[r] = (System.nanoTime() - begin) / 1e6;
            rows += page.events().size();
        }
        print(name, ms, rows / repeats);
    }

    private static void count(EventStore store, int repeats, String name, IntFunction<EventQuery> query) {
        long total = 0;
        double[] ms = new double[repeats];
        store.count(query.apply(repeats));
        for (int r = 0; r < repeats; r++) {
            long begin = System.nanoTime();
            total += store.count(query.apply(r));
            ms[r] = (System.nanoTime() - begin) / 1e6;
        }
        print(name, ms, total / repeats);
    }

    private static void print(String name, double[] ms, long rows) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
        System.out.printf("| %s | %.1f ms | %.1f ms | %d |%n", name, median, p95, rows);
    }

}
