package org.beholder.standalone.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of broken variants of a full, valid config, from a fixed seed: each one either loads or fails with a
 * {@link ConfigException} that names the file and a line — never another exception, never a stack trace, never the
 * camera password.
 */
class ConfigFuzzTest {
    private static final long SEED = 20261203L;
    private static final int VARIANTS = 4000;
    private static final String PASSWORD = "Zq7S3cretCamPw";
    private static final String HASH = "pbkdf2-sha256:210000:AAAAAAAAAAAAAAAAAAAAAA==:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    static final String VALID = """
            server:
              host: 0.0.0.0
              port: 8443
              allowedOrigins: [https://nvr.example.com, "http://192.168.1.5:8080"]
            data: /var/lib/beholder
            storage:
              maxTotalGB: 1.5
              minFreeMB: 4096
              retentionInterval: 5m
            users:
              - name: alice
                password: %s
            tokens:
              - name: home-assistant
                sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            channels:
              - id: front
                label: Front door
                url: rtsp://192.168.1.20:554/stream1?channel=1&token=%s
                username: admin
                password: %s
                transport: udp
                preRoll: 5s
                postRoll: 1m
                record: continuous
                retentionDays: 30
                retentionGB: 2
                stallTimeout: 15s
                analyticsWidth: 416
                motion: true
                motionThreshold: 0.05
                motionHold: 8s
                zones:
                  - name: path
                    area: "0,0.5 1,0.5 1,1 0,1"
                masks: ["0,0 0.3,0 0.3,0.4"]
                qr: yes
                objects: [person, car]
                objectInterval: 1m
                objectMinScore: 0.6
                recordOn: [person, motion]
              - id: back
                url: "test:"
                password: "%s"
            """.formatted(HASH, PASSWORD, PASSWORD, PASSWORD);
    private static final Pattern LINE = Pattern.compile("^beholder\\.yml line (\\d+): (.+)$", Pattern.DOTALL);
    private static final String[] SCALARS = { "0", "-1", "-0", "1", "65536", "2147483648", "9223372036854775808",
            "99999999999999999999999", "1e309", "-1e-9", "NaN", ".inf", "-.inf", "0x10", "0o17", "1_000", "2d", "1.5",
            "0s", "-5m", "99999999999999d", "1234567890123456789s", "12345678901234567890123ms", "500ms", "1d", "10 s",
            "", "~", "null", "''", "\"\"", "[]", "{}", "[1, [2, [3]]]", "{a: {b: c}}", "yes", "off", "true",
            "'quoted'", "\"\\x00nul\"", "\"\\e[31m\"", "😀", "ünïcödé", "\u202egnp.exe", "\u00a0", "|\n  block",
            ">-\n  folded", "!!binary aGVsbG8=", "!custom x", "&anchor v", "*anchor", "*missing", "? complex",
            "- item", "a: b: c", "\"unterminated", "'unterminated", "[unclosed", "{unclosed", "#", "%TAG", "@", "`",
            "rtsp://", "rtsp://host", "rtsp://user:pw@host/x", "file:///nowhere.ts", "test:?width=99999999999",
            "http://x", "https://a.example/*", "*", "0,0 1,0", "2,2 3,3 4,4", "x".repeat(20_000) };

    private final Random random = new Random(SEED);

    @Test
    void everyVariantLoadsOrNamesFileAndLine(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("beholder.yml");
        ConfigLoader.load(write(file, VALID.getBytes(StandardCharsets.UTF_8)));
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < VARIANTS; i++) {
            byte[] variant = mutate(VALID);
            write(file, variant);
            try {
                ConfigLoader.load(file);
                outcomes.merge("loaded", 1, Integer::sum);
            } catch (ConfigException e) {
                check(e.getMessage(), variant, i);
                outcomes.merge(kind(e.getMessage()), 1, Integer::sum);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("variant " + i + " threw " + e + " for:\n" + show(variant), e);
            }
        }
        System.out.println("Config fuzz, " + VARIANTS + " variants: " + outcomes);
        assertTrue(outcomes.getOrDefault("loaded", 0) > VARIANTS / 20, "some variants still load: " + outcomes);
        assertTrue(outcomes.getOrDefault("key", 0) > VARIANTS / 5, "most errors name a key: " + outcomes);
    }

    private static void check(String message, byte[] variant, int index) {
        String context = "variant " + index + " said '" + message + "' for:\n" + show(variant);
        Matcher matcher = LINE.matcher(message);
        assertTrue(matcher.matches(), context);
        int line = Integer.parseInt(matcher.group(1));
        long lines = new String(variant, StandardCharsets.UTF_8).lines().count();
        assertTrue(line >= 1 && line <= lines + 1, "line " + line + " of " + lines + ": " + context);
        assertTrue(!message.contains(PASSWORD), context);
        assertTrue(!message.contains("Exception") && !message.contains("\tat ") && !message.contains("org.yaml"),
                context);
        assertTrue(message.length() <= Values.MAX_MESSAGE + 1, "short: " + context);
        assertEquals(-1, message.indexOf('\n'), "one line: " + context);
    }

    /** "key" when the message names a key ({@code something: ...} after the line), else "yaml". */
    private static String kind(String message) {
        String rest = LINE.matcher(message).replaceFirst("$2");
        return rest.matches("([A-Za-z]+(\\[\\d+])?\\.)*[A-Za-z]+(\\[\\d+])?: .*") || rest.startsWith("unknown key")
                || rest.startsWith("key '") ? "key" : "yaml";
    }

    private byte[] mutate(String valid) {
        List<String> lines = new ArrayList<>(valid.lines().toList());
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<Function<List<String>, List<String>>> textual = List.of(this::deleteLine, this::duplicateLine,
                    this::replaceValue, this::retypeValue, this::renameKey, this::reindent, this::insertTab,
                    this::anchorAndAlias, this::swapLines, this::unicode, this::longLine);
            lines = textual.get(random.nextInt(textual.size())).apply(lines);
        }
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> binaryJunk(bytes);
            case 1 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> yamlBomb(bytes);
            default -> bytes;
        };
    }

    private int anyLine(List<String> lines) {
        return random.nextInt(lines.size());
    }

    private List<String> deleteLine(List<String> lines) {
        if (lines.size() > 1) {
            lines.remove(anyLine(lines));
        }
        return lines;
    }

    private List<String> duplicateLine(List<String> lines) {
        int i = anyLine(lines);
        lines.add(i, lines.get(i));
        return lines;
    }

    private List<String> swapLines(List<String> lines) {
        java.util.Collections.swap(lines, anyLine(lines), anyLine(lines));
        return lines;
    }

    private List<String> replaceValue(List<String> lines) {
        int i = anyLine(lines);
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        String scalar = SCALARS[random.nextInt(SCALARS.length)];
        lines.set(i, colon < 0 ? line + " " + scalar : line.substring(0, colon + 2) + scalar);
        return lines;
    }

    private List<String> retypeValue(List<String> lines) {
        int i = anyLine(lines);
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        if (colon > 0) {
            String value = line.substring(colon + 2);
            String[] shapes = { "[" + value + "]", "{x: " + value + "}", "[[" + value + "]]", "\n"
                    + " ".repeat(colon + 2) + "- " + value, "\n" + " ".repeat(colon + 2) + "k: " + value };
            lines.set(i, line.substring(0, colon + 2) + shapes[random.nextInt(shapes.length)]);
        }
        return lines;
    }

    private List<String> renameKey(List<String> lines) {
        int i = anyLine(lines);
        String line = lines.get(i);
        int colon = line.indexOf(':');
        if (colon > 1) {
            int at = random.nextInt(colon);
            lines.set(i, line.substring(0, at) + (char) ('a' + random.nextInt(26)) + line.substring(at + 1));
        }
        return lines;
    }

    private List<String> reindent(List<String> lines) {
        int i = anyLine(lines);
        String line = lines.get(i);
        lines.set(i, random.nextBoolean() ? " ".repeat(1 + random.nextInt(3)) + line : line.stripLeading());
        return lines;
    }

    private List<String> insertTab(List<String> lines) {
        int i = anyLine(lines);
        String line = lines.get(i);
        int at = random.nextInt(line.length() + 1);
        lines.set(i, line.substring(0, at) + "\t" + line.substring(at));
        return lines;
    }

    private List<String> anchorAndAlias(List<String> lines) {
        int from = anyLine(lines);
        int to = anyLine(lines);
        String source = lines.get(from);
        String target = lines.get(to);
        int sourceColon = source.indexOf(": ");
        int targetColon = target.indexOf(": ");
        if (sourceColon > 0 && targetColon > 0) {
            lines.set(from, source.substring(0, sourceColon + 2) + "&v" + from + " " + source.substring(sourceColon + 2));
            lines.set(to, target.substring(0, targetColon + 2) + "*v" + from);
        } else if (sourceColon < 0 && source.trim().endsWith(":")) {
            lines.set(from, source + " &m" + from);
            lines.add(to, target.replaceAll("^(\\s*-?\\s*)[A-Za-z]+: .*", "$1<<: *m" + from));
        }
        return lines;
    }

    private List<String> unicode(List<String> lines) {
        String[] odd = { "é", "😀", "\u200b", "\u202e", "\ufeff", "\u0085", "\u2028", "\u00a0", "𝔘", "\u0007" };
        int i = anyLine(lines);
        String line = lines.get(i);
        int at = random.nextInt(line.length() + 1);
        lines.set(i, line.substring(0, at) + odd[random.nextInt(odd.length)] + line.substring(at));
        return lines;
    }

    private List<String> longLine(List<String> lines) {
        lines.add(anyLine(lines), "  " + "k".repeat(random.nextInt(20_000)) + ": v");
        return lines;
    }

    private byte[] binaryJunk(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(bytes.length + 1);
        out.write(bytes, 0, at);
        byte[] junk = new byte[1 + random.nextInt(16)];
        random.nextBytes(junk);
        out.writeBytes(junk);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private byte[] yamlBomb(byte[] bytes) {
        StringBuilder bomb = new StringBuilder("x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            bomb.append("x").append(level).append(": &x").append(level).append(" [")
                    .append(("*x" + (level - 1) + ", ").repeat(8)).append("*x").append(level - 1).append("]\n");
        }
        return (new String(bytes, StandardCharsets.UTF_8) + bomb).getBytes(StandardCharsets.UTF_8);
    }

    private static Path write(Path file, byte[] bytes) throws Exception {
        return Files.write(file, bytes);
    }

    private static String show(byte[] variant) {
        String text = new String(variant, StandardCharsets.UTF_8);
        return text.length() > 3000 ? text.substring(0, 3000) + "…" : text;
    }
}
