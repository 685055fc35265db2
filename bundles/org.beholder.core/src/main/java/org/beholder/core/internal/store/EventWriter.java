package org.beholder.core.internal.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.beholder.core.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store's only writer: a bounded queue and one thread that writes what it takes from it in batches,
 * one transaction per batch. Callers never wait for the disk. When the queue is full the least valuable waiting
 * write goes, oldest first: status (and statistics) before motion before the rest; recordings, ends and commands
 * are never dropped (the queue grows past its bound for them instead).
 */
public final class EventWriter implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(EventWriter.class);
    private static final int NEVER_DROPPED = 3;

    /** A write waiting in the queue. */
    private sealed interface Operation {
        int value();
    }

    private record Put(StoredEvent event, byte[] thumbnailJpeg) implements Operation {
        @Override
        public int value() {
            return switch (event.type()) {
                case "status", "statistics" -> 0;
                case "motion" -> 1;
                case "recording" -> NEVER_DROPPED;
                default -> 2;
            };
        }
    }

    private record End(String id, long endMs) implements Operation {
        @Override
        public int value() {
            return NEVER_DROPPED;
        }
    }

    /** Work that needs the write connection (retention, a flush barrier); runs between batches. */
    public interface Command<T> {
        T run(Connection connection) throws Exception;
    }

    private record Run<T>(Command<T> command, CompletableFuture<T> done) implements Operation {
        @Override
        public int value() {
            return NEVER_DROPPED;
        }

        void execute(Connection connection) {
            try {
                done.complete(command.run(connection));
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        }
    }

    private final Connection connection;
    private final Thumbnails thumbnails;
    private final int capacity;
    private final int batchSize;
    private final ArrayDeque<Operation> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong longestMs;
    private final Thread thread;
    private long persistedLongestMs; // the writer thread's alone
    private boolean closing;

    /**
     * @param longestMs the longest span of an ended event, kept up to date by this writer for the searches
     */
    public EventWriter(Connection connection, Thumbnails thumbnails, int capacity, int batchSize,
            AtomicLong longestMs) {
        this.connection = connection;
        this.thumbnails = thumbnails;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.longestMs = longestMs;
        this.persistedLongestMs = longestMs.get();
        this.thread = new Thread(this::writeLoop, "beholder-event-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public void put(StoredEvent event, byte[] thumbnailJpeg) {
        enqueue(new Put(event, thumbnailJpeg));
    }

    public void end(String id, long endMs) {
        enqueue(new End(id, endMs));
    }

    /** Runs work on the writer thread after every write queued before it. */
    public <T> CompletableFuture<T> submit(Command<T> command) {
        CompletableFuture<T> done = new CompletableFuture<>();
        enqueue(new Run<>(command, done));
        return done;
    }

    /** Writes dropped because the queue was full, per event type. */
    public Map<String, Long> dropped() {
        Map<String, Long> counts = new TreeMap<>();
        dropped.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    /** Puts and ends committed so far. */
    public long committed() {
        return committed.get();
    }

    /** Puts and ends the database refused (logged one by one). */
    public long failed() {
        return failed.get();
    }

    private void enqueue(Operation operation) {
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("the event store is closed");
            }
            if (queue.size() >= capacity && !makeRoomFor(operation)) {
                return;
            }
            queue.addLast(operation);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** False when the new operation is itself the least valuable and is dropped. */
    private boolean makeRoomFor(Operation incoming) {
        Operation victim = null;
        for (Operation waiting : queue) {
            if (victim == null || waiting.value() < victim.value()) {
                victim = waiting;
                if (victim.value() == 0) {
                    break;
                }
            }
        }
        if (incoming.value() < NEVER_DROPPED && (victim == null || incoming.value() < victim.value())) {
            countDrop(incoming);
            return false;
        }
        if (victim != null && victim.value() < NEVER_DROPPED) {
            Iterator<Operation> it = queue.iterator();
            while (it.hasNext()) {
                if (it.next() == victim) {
                    it.remove();
                    break;
                }
            }
            countDrop(victim);
        }
        return true;
    }

    private void countDrop(Operation operation) {
        String type = operation instanceof Put put ? put.event().type() : "other";
        LongAdder count = dropped.computeIfAbsent(type, t -> new LongAdder());
        count.increment();
        long total = dropped.values().stream().mapToLong(LongAdder::sum).sum();
        if (total == 1 || total % 10_000 == 0) {
            logger.warn("Event store cannot keep up: {} writes dropped so far (least valuable first: {})", total,
                    dropped());
        }
    }

    private void writeLoop() {
        List<Operation> batch = new ArrayList<>(batchSize);
        while (true) {
            lock.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    notEmpty.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                while (!queue.isEmpty() && batch.size() < batchSize) {
                    batch.add(queue.pollFirst());
                }
            } finally {
                lock.unlock();
            }
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Operation> batch) {
        List<Operation> writes = new ArrayList<>();
        for (Operation operation : batch) {
            if (operation instanceof Run<?> run) {
                commit(writes);
                writes.clear();
                run.execute(connection);
            } else {
                writes.add(operation);
            }
        }
        commit(writes);
    }

    private void commit(List<Operation> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            inTransaction(writes);
            committed.addAndGet(writes.size());
        } catch (SQLException | RuntimeException e) { // one bad write must not cost the others theirs
            logger.debug("Batch of {} event writes failed, writing one by one: {}", writes.size(), e.toString());
            for (Operation write : writes) {
                try {
                    inTransaction(List.of(write));
                    committed.incrementAndGet();
                } catch (SQLException | RuntimeException single) {
                    failed.incrementAndGet();
                    logger.warn("Event store could not write {}: {}", write, single.toString());
                }
            }
        }
    }

    private void inTransaction(List<Operation> writes) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement upsert = connection.prepareStatement(EventRows.UPSERT);
                PreparedStatement startOf = connection.prepareStatement("SELECT start_ms FROM events WHERE id = ?");
                PreparedStatement end = connection.prepareStatement(
                        "UPDATE events SET end_ms = ? WHERE id = ? AND start_ms <= ?")) {
            for (Operation write : writes) {
                switch (write) {
                    case Put put -> {
                        StoredEvent event = put.event();
                        if (put.thumbnailJpeg() != null && !writeThumbnail(event, put.thumbnailJpeg())) {
                            event = event.withThumbnail(null);
                        }
                        EventRows.bind(upsert, event);
                        upsert.executeUpdate();
                        if (event.endMs() != null) {
                            longestMs.accumulateAndGet(event.endMs() - event.startMs(), Math::max);
                        }
                    }
                    case End e -> {
                        startOf.setString(1, e.id());
                        try (ResultSet row = startOf.executeQuery()) {
                            if (row.next()) {
                                longestMs.accumulateAndGet(e.endMs() - row.getLong(1), Math::max);
                            }
                        }
                        end.setLong(1, e.endMs());
                        end.setString(2, e.id());
                        end.setLong(3, e.endMs());
                        end.executeUpdate();
                    }
                    case Run<?> run -> throw new IllegalStateException("commands run outside write batches");
                }
            }
            long longest = longestMs.get();
            if (longest > persistedLongestMs) {
                try (PreparedStatement raise = connection.prepareStatement(Schema.RAISE_FACT)) {
                    raise.setString(1, "longest_ms");
                    raise.setLong(2, longest);
                    raise.executeUpdate();
                }
            }
            connection.commit();
            persistedLongestMs = longest;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private boolean writeThumbnail(StoredEvent event, byte[] jpeg) {
        try {
            thumbnails.write(event.thumbnail(), jpeg);
            return true;
        } catch (IOException e) { // the event is worth keeping without its picture
            logger.warn("Could not write the thumbnail of event {}: {}", event.id(), e.toString());
            return false;
        }
    }

    /** Writes what is queued, then stops the thread. The connection stays open (its owner closes it). */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
