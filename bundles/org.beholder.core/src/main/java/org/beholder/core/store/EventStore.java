package org.beholder.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.beholder.core.events.NvrEvent;
import org.beholder.core.internal.store.Connections;
import org.beholder.core.internal.store.EventRows;
import org.beholder.core.internal.store.EventWriter;
import org.beholder.core.internal.store.NativeLibraryFolder;
import org.beholder.core.internal.store.Retention;
import org.beholder.core.internal.store.Schema;
import org.beholder.core.internal.store.SearchSql;
import org.beholder.core.internal.store.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event of every channel in one SQLite database (WAL), kept across restarts, with thumbnails beside it.
 * Writes are asynchronous: {@link #put}, {@link #end} and {@link #record} queue the write and return at once; one
 * writer thread commits them in batches, and when it falls behind the least valuable waiting writes (status, then
 * motion) are dropped, never recordings. A read sees what was committed before it: {@link #flush} waits for
 * everything queued so far. Reads run on their own connections, in parallel with the writer.
 * See docs/design/event-store.md.
 */
public final class EventStore implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(EventStore.class);
    private static final int READ_CONNECTIONS = 2;

    private final EventStoreOptions options;
    private final InstantSource clock;
    private final Connection writeConnection;
    private final BlockingQueue<Connection> readConnections = new ArrayBlockingQueue<>(READ_CONNECTIONS);
    private final Thumbnails thumbnails;
    private final AtomicLong longestMs;
    private final EventWriter writer;
    private final Map<String, String> openMotion = new ConcurrentHashMap<>();
    private final long orphanThumbnailsDeleted;
    private volatile boolean closed;

    private EventStore(EventStoreOptions options, InstantSource clock) throws SQLException, IOException {
        this.options = options;
        this.clock = clock;
        Path file = options.databaseFile();
        NativeLibraryFolder.prepare(options.nativeLibraryFolder());
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.writeConnection = Connections.open(file, false);
        try {
            Schema.migrate(writeConnection, file, Schema.MIGRATIONS);
            this.longestMs = new AtomicLong(queryLong(writeConnection,
                    "SELECT coalesce(max(value), 0) FROM store_facts WHERE name = 'longest_ms'"));
            this.thumbnails = new Thumbnails(options.thumbnailsFolder());
            this.orphanThumbnailsDeleted = sweepThumbnails();
            for (int i = 0; i < READ_CONNECTIONS; i++) {
                readConnections.add(Connections.open(file, true));
            }
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        this.writer = new EventWriter(writeConnection, thumbnails, options.queueCapacity(), options.batchSize(),
                longestMs);
    }

    /**
     * Opens (creating, or bringing its schema up to date) the database and sweeps thumbnails whose event is gone.
     *
     * @param clock the clock of retention by age
     * @throws EventStoreException when the database cannot be opened, e.g. it was written by a newer Beholder
     */
    public static EventStore open(EventStoreOptions options, InstantSource clock) {
        try {
            return new EventStore(options, clock);
        } catch (EventStoreException e) {
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            throw new EventStoreException("Cannot open the event database " + options.databaseFile() + ": " + e, e);
        }
    }

    /** Queues an insert, or an update of the event with the same id (an end once stored stays). */
    public void put(StoredEvent event) {
        writer.put(event, null);
    }

    /**
     * Queues an event with its thumbnail, written as {@code <channel>/<yyyy-MM-dd>/<id>.jpg} under the thumbnails
     * folder before the event.
     *
     * @return the event as it will be stored (its {@code thumbnail} set)
     */
    public StoredEvent put(StoredEvent event, byte[] thumbnailJpeg) {
        StoredEvent withThumbnail = event.withThumbnail(Thumbnails.relativePath(event.channel(), event.startMs(),
                event.id()));
        writer.put(withThumbnail, thumbnailJpeg.clone());
        return withThumbnail;
    }

    /** Queues the end of an ongoing event; an unknown id, or an end before the start, changes nothing. */
    public void end(String id, long endMs) {
        writer.end(id, endMs);
    }

    /**
     * Stores a journal event: a motion {@code stop} ends the motion that started in its zone, a recording
     * {@code stopped} ends {@code recording-<id>}, {@code statistics} are not kept, anything else is put as
     * {@link StoredEvent#fromNvrEvent} maps it.
     *
     * @return false when the event is not kept
     */
    public boolean record(NvrEvent event) {
        Object phase = event.details().get("phase");
        switch (event.type()) {
            case "statistics" -> {
                return false;
            }
            case "motion" -> {
                String key = event.channel() + "\u0000" + event.details().get("zone");
                if ("stop".equals(phase)) {
                    String started = openMotion.remove(key);
                    if (started != null) {
                        end(started, event.time().toEpochMilli());
                    }
                    return started != null;
                }
                openMotion.put(key, event.id());
            }
            case "recording" -> {
                if ("stopped".equals(phase)) {
                    end("recording-" + event.details().get("id"), event.time().toEpochMilli());
                    return true;
                }
            }
            default -> {
            }
        }
        put(StoredEvent.fromNvrEvent(event));
        return true;
    }

    public Optional<StoredEvent> get(String id) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + EventRows.COLUMNS + " FROM events WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(EventRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    /** One page of the events that match, newest first unless the query says otherwise. */
    public EventPage search(EventQuery query) {
        return read(connection -> {
            SearchSql sql = new SearchSql(query, longestMs.get(), oldestOngoing(connection, query), true);
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql.selectPage(query))) {
                bind(select, sql.parameters());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(EventRows.read(rows));
                    }
                }
            }
            String next = null;
            if (events.size() > query.limit()) {
                events = events.subList(0, query.limit());
                StoredEvent last = events.get(events.size() - 1);
                next = new SearchSql.Cursor(last.startMs(), last.id()).toString();
            }
            return new EventPage(events, next);
        });
    }

    /** How many events match, whatever the query's page. */
    public long count(EventQuery query) {
        return read(connection -> {
            SearchSql sql = new SearchSql(query, longestMs.get(), oldestOngoing(connection, query), false);
            try (PreparedStatement select = connection.prepareStatement(sql.selectCount())) {
                bind(select, sql.parameters());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * Queues a retention pass after the writes queued before it.
     *
     * @param recordingKept true for a recording id whose recording is still kept: its events stay. It runs on the
     *                      writer thread, once per candidate event that has a recording: make it a quick lookup
     *                      (e.g. in a set of the recording index's ids taken before the call)
     */
    public CompletableFuture<RetentionResult> applyRetention(RetentionPolicy policy,
            Predicate<String> recordingKept) {
        long nowMs = clock.millis();
        return writer.submit(connection -> new Retention(connection, thumbnails, recordingKept).run(policy, nowMs));
    }

    /** Waits until every write queued before this call is committed (or dropped, or refused). */
    public void flush() {
        writer.submit(connection -> null).join();
    }

    /** The file of an event's thumbnail, or empty when it has none. */
    public Optional<Path> thumbnailFile(StoredEvent event) {
        return event.thumbnail() == null ? Optional.empty() : Optional.of(thumbnails.resolve(event.thumbnail()));
    }

    /** Writes dropped because the writer fell behind, per event type. */
    public Map<String, Long> droppedWrites() {
        return writer.dropped();
    }

    /** Puts and ends committed since open. */
    public long committedWrites() {
        return writer.committed();
    }

    /** Puts and ends the database refused since open. */
    public long failedWrites() {
        return writer.failed();
    }

    /** Thumbnails without an event (or half-written) that opening deleted. */
    public long orphanThumbnailsDeleted() {
        return orphanThumbnailsDeleted;
    }

    public EventStoreOptions options() {
        return options;
    }

    /** Writes what is queued, then closes every connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        closeQuietly();
    }

    private interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> work) {
        if (closed) {
            throw new IllegalStateException("the event store is closed");
        }
        Connection connection;
        try {
            connection = readConnections.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for a connection to the event database");
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new EventStoreException("Event database " + options.databaseFile() + " failed: " + e, e);
        } finally {
            readConnections.add(connection);
            if (closed) { // closed while this read ran: close() could not take this connection
                closeQuietly();
            }
        }
    }

    private static Long oldestOngoing(Connection connection, EventQuery query) throws SQLException {
        if (query.fromMs() == null) {
            return null;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SearchSql.OLDEST_ONGOING)) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    private long sweepThumbnails() throws IOException, SQLException {
        try (PreparedStatement select = writeConnection.prepareStatement(
                "SELECT 1 FROM events WHERE id = ? AND thumbnail = ?")) {
            long deleted = thumbnails.sweep(relative -> {
                String name = relative.substring(relative.lastIndexOf('/') + 1);
                try {
                    select.setString(1, name.substring(0, name.length() - ".jpg".length()));
                    select.setString(2, relative);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next();
                    }
                } catch (SQLException e) { // when in doubt, keep the picture
                    logger.warn("Could not check thumbnail {}: {}", relative, e.toString());
                    return true;
                }
            });
            if (deleted > 0) {
                logger.info("Deleted {} thumbnails whose event is gone or that a crash left half-written", deleted);
            }
            return deleted;
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
    }

    private void closeQuietly() {
        List<Connection> all = new ArrayList<>();
        readConnections.drainTo(all);
        all.add(writeConnection); // closing a closed connection does nothing
        for (Connection connection : all) {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                logger.warn("Closing the event database failed: {}", e.toString());
            }
        }
    }
}
