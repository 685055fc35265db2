package org.beholder.engine.internal.record;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** {@code recording.properties}: start, end (absent while open), reasons. Written atomically. */
final class RecordingMeta {
    static final String FILE = "recording.properties";

    final String id;
    final String channelId;
    final Instant start;
    Instant end;
    final List<String> reasons;

    RecordingMeta(String id, String channelId, Instant start, List<String> reasons) {
        this.id = id;
        this.channelId = channelId;
        this.start = start;
        this.reasons = new ArrayList<>(reasons);
    }

    void save(Path folder) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("id", id);
        properties.setProperty("channel", channelId);
        properties.setProperty("start", start.toString());
        if (end != null) {
            properties.setProperty("end", end.toString());
        }
        properties.setProperty("reasons", String.join(",", reasons));
        StringWriter text = new StringWriter();
        properties.store(text, "Beholder recording");
        AtomicFiles.write(folder.resolve(FILE), text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static RecordingMeta load(Path folder) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve(FILE), StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        String reasons = properties.getProperty("reasons", "");
        RecordingMeta meta = new RecordingMeta(required(properties, "id"), required(properties, "channel"),
                Instant.parse(required(properties, "start")),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")));
        String end = properties.getProperty("end");
        meta.end = end == null ? null : Instant.parse(end);
        return meta;
    }

    private static String required(Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IOException(FILE + " lacks '" + key + "'");
        }
        return value;
    }
}
