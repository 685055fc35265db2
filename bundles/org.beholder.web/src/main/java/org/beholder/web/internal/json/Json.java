package org.beholder.web.internal.json;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/** The one Gson of the web bundle: ISO-8601 instants, durations in seconds, no HTML escaping surprises. */
public final class Json {
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapter(Duration.class, new DurationAdapter().nullSafe()).create();

    private Json() {
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }

    private static final class DurationAdapter extends TypeAdapter<Duration> {
        @Override
        public void write(JsonWriter out, Duration value) throws IOException {
            out.value(value.toMillis() / 1000.0);
        }

        @Override
        public Duration read(JsonReader in) throws IOException {
            return Duration.ofMillis((long) (in.nextDouble() * 1000));
        }
    }
}
