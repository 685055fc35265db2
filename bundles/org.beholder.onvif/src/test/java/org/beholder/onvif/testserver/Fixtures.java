package org.beholder.onvif.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The ONVIF answer fixtures on the test class path, with the mock-up's template placeholders resolved. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String raw(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/onvif-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with conditional blocks kept, and {{=it.key}} / other {{=...}} expressions replaced. */
    public static String filled(String name, Map<String, String> values) {
        String text = raw(name).replaceAll("\\{\\{\\?[^}]*\\}\\}", "");
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{=it." + value.getKey() + "}}", value.getValue());
        }
        return text.replaceAll("\\{\\{=[^}]*\\}\\}", "2000-01-01T00:00:00Z");
    }

    public static String filled(String name) {
        return filled(name, Map.of());
    }
}
