package org.beholder.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.beholder.core.store.RetentionPolicy;
import org.beholder.core.store.RetentionResult;

/**
 * One retention pass on the write connection: by age, then by count per channel, then by total count, oldest
 * first, in chunks of one short transaction each. An event whose recording is still kept is skipped (and counted);
 * thumbnails are deleted after the rows that name them are gone, so a crash leaves at worst an orphan file, which
 * the sweep at open removes.
 */
public final class Retention {
    private static final int CHUNK = 500;

    private final Connection connection;
    private final Thumbnails thumbnails;
    private final Predicate<String> recordingKept;
    private long deletedEvents;
    private long deletedThumbnails;
    private long keptForRecording;

    public Retention(Connection connection, Thumbnails thumbnails, Predicate<String> recordingKept) {
        this.connection = connection;
        this.thumbnails = thumbnails;
        this.recordingKept = recordingKept;
    }

    public RetentionResult run(RetentionPolicy policy, long nowMs) throws SQLException {
        if (policy.maxAgeMs() > 0) {
            long cutoff = nowMs - policy.maxAgeMs();
            // the first term bounds the index walk: nothing that ended before the cutoff started after it
            deleteOldest("start_ms < ? AND coalesce(end_ms, start_ms) < ?", List.of(cutoff, cutoff), Long.MAX_VALUE);
        }
        if (policy.maxPerChannel() > 0) {
            for (String channel : channels()) {
                long excess = count("channel = ?", List.of(channel)) - policy.maxPerChannel();
                if (excess > 0) {
                    deleteOldest("channel = ?", List.of(channel), excess);
                }
            }
        }
        if (policy.maxTotal() > 0) {
            long excess = count(null, List.of()) - policy.maxTotal();
            if (excess > 0) {
                deleteOldest(null, List.of(), excess);
            }
        }
        return new RetentionResult(deletedEvents, deletedThumbnails, keptForRecording);
    }

    private record Candidate(String id, long startMs, String recordingId, String thumbnail) {
    }

    /** Deletes up to {@code wanted} of the oldest events that match, skipping those whose recording is kept. */
    private void deleteOldest(String condition, List<Object> parameters, long wanted) throws SQLException {
        long deleted = 0;
        long afterStart = Long.MIN_VALUE;
        String afterId = "";
        String sql = candidatesSql(condition);
        while (deleted < wanted) {
            List<Candidate> chunk = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = bind(select, parameters);
                select.setLong(i++, afterStart);
                select.setLong(i++, afterStart);
                select.setString(i, afterId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        chunk.add(new Candidate(rows.getString(1), rows.getLong(2), rows.getString(3),
                                rows.getString(4)));
                    }
                }
            }
            if (chunk.isEmpty()) {
                return;
            }
            Candidate last = chunk.get(chunk.size() - 1);
            afterStart = last.startMs();
            afterId = last.id();
            List<Candidate> doomed = new ArrayList<>();
            for (Candidate candidate : chunk) {
                if (deleted + doomed.size() >= wanted) {
                    break;
                }
                if (candidate.recordingId() != null && recordingKept.test(candidate.recordingId())) {
                    keptForRecording++;
                } else {
                    doomed.add(candidate);
                }
            }
            delete(doomed);
            deleted += doomed.size();
            if (chunk.size() < CHUNK) {
                return;
            }
        }
    }

    /**
     * The next chunk of candidates after (start, id), oldest first. The plain {@code start_ms >= ?} lets SQLite
     * walk the index from there in order; written as {@code start_ms > ? OR (start_ms = ? AND id > ?)} alone, with
     * bound parameters, it sorted the whole rest of the table for every chunk (minutes for 400,000 events).
     *
     * @param condition null, or SQL whose parameters come first
     */
    public static String candidatesSql(String condition) {
        return "SELECT id, start_ms, recording_id, thumbnail FROM events WHERE "
                + (condition == null ? "" : condition + " AND ") + "start_ms >= ? AND (start_ms > ? OR id > ?) "
                + "ORDER BY start_ms, id LIMIT " + CHUNK;
    }

    private void delete(List<Candidate> doomed) throws SQLException {
        if (doomed.isEmpty()) {
            return;
        }
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM events WHERE id = ?")) {
            for (Candidate candidate : doomed) {
                delete.setString(1, candidate.id());
                delete.addBatch();
            }
            delete.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        deletedEvents += doomed.size();
        for (Candidate candidate : doomed) {
            if (candidate.thumbnail() != null && thumbnails.delete(candidate.thumbnail())) {
                deletedThumbnails++;
            }
        }
    }

    private List<String> channels() throws SQLException {
        List<String> channels = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT channel FROM events");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                channels.add(rows.getString(1));
            }
        }
        return channels;
    }

    private long count(String condition, List<Object> parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM events" + (condition == null ? "" : " WHERE " + condition))) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        return i;
    }
}
