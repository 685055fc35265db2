package org.beholder.core.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.beholder.core.store.Box;
import org.beholder.core.store.StoredEvent;

/**
 * {@link StoredEvent} to and from the {@code events} table. Zones are kept as {@code ,a,b,} so that one zone is
 * found with {@code instr}; a zone name therefore may not hold a comma.
 */
public final class EventRows {
    public static final String COLUMNS = "id, channel, type, label, score, start_ms, end_ms, zones, box_x, box_y, "
            + "box_w, box_h, thumbnail, recording_id, recording_offset_ms, stationary, details";

    /**
     * Insert, or update by id. An end once written stays (a later update without an end does not reopen the
     * event); a thumbnail once written stays unless replaced.
     */
    public static final String UPSERT = "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, type = excluded.type, "
            + "label = excluded.label, score = excluded.score, start_ms = excluded.start_ms, "
            + "end_ms = coalesce(excluded.end_ms, events.end_ms), zones = excluded.zones, box_x = excluded.box_x, "
            + "box_y = excluded.box_y, box_w = excluded.box_w, box_h = excluded.box_h, "
            + "thumbnail = coalesce(excluded.thumbnail, events.thumbnail), recording_id = excluded.recording_id, "
            + "recording_offset_ms = excluded.recording_offset_ms, stationary = excluded.stationary, "
            + "details = excluded.details";

    private EventRows() {
    }

    public static void bind(PreparedStatement statement, StoredEvent event) throws SQLException {
        statement.setString(1, event.id());
        statement.setString(2, event.channel());
        statement.setString(3, event.type());
        setString(statement, 4, event.label());
        setDouble(statement, 5, event.score());
        statement.setLong(6, event.startMs());
        setLong(statement, 7, event.endMs());
        statement.setString(8, zonesText(event.zones()));
        Box box = event.box();
        setDouble(statement, 9, box == null ? null : box.x());
        setDouble(statement, 10, box == null ? null : box.y());
        setDouble(statement, 11, box == null ? null : box.width());
        setDouble(statement, 12, box == null ? null : box.height());
        setString(statement, 13, event.thumbnail());
        setString(statement, 14, event.recordingId());
        setLong(statement, 15, event.recordingOffsetMs());
        statement.setInt(16, event.stationary() ? 1 : 0);
        statement.setString(17, Json.write(event.details()));
    }

    /** The event of the current row of a result set that selected {@link #COLUMNS}. */
    public static StoredEvent read(ResultSet row) throws SQLException {
        Double boxX = getDouble(row, 9);
        Box box = boxX == null ? null : new Box(boxX, row.getDouble(10), row.getDouble(11), row.getDouble(12));
        return new StoredEvent(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                getDouble(row, 5), row.getLong(6), getLong(row, 7), zones(row.getString(8)), box, row.getString(13),
                row.getString(14), getLong(row, 15), row.getInt(16) != 0, Json.readObject(row.getString(17)));
    }

    public static String zonesText(List<String> zones) {
        if (zones.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(",");
        for (String zone : zones) {
            if (zone.indexOf(',') >= 0) {
                throw new IllegalArgumentException("zone names may not contain a comma: '" + zone + "'");
            }
            text.append(zone).append(',');
        }
        return text.toString();
    }

    static List<String> zones(String text) {
        List<String> zones = new ArrayList<>();
        if (text != null) {
            for (String zone : text.split(",")) {
                if (!zone.isEmpty()) {
                    zones.add(zone);
                }
            }
        }
        return zones;
    }

    private static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Double getDouble(ResultSet row, int index) throws SQLException {
        double value = row.getDouble(index);
        return row.wasNull() ? null : value;
    }

    private static Long getLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }
}
