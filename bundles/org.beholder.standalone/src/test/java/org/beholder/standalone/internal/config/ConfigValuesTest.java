package org.beholder.standalone.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes, durations, origins and the limits of the YAML reader: every value in range or a message with its line. */
class ConfigValuesTest {
    private static final String CHANNEL = "channels:\n  - id: a\n    url: \"test:\"\n";

    private static StandaloneConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse("beholder.yml", new StringReader(yaml), Path.of("/srv/beholder"));
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void minFreeMbIsCountedInLongsSoLargeValuesKeepTheDiskProtected() throws Exception {
        // In int arithmetic 2048 << 20 was negative and 4096 << 20 was 0: no disk protection at all.
        assertEquals(2048L << 20, parse("storage:\n  minFreeMB: 2048\n").minFreeBytes());
        assertEquals(4096L << 20, parse("storage:\n  minFreeMB: 4096\n").minFreeBytes());
        assertEquals(10L << 40, parse("storage:\n  minFreeMB: 10485760\n").minFreeBytes(), "10 TiB, the maximum");
        assertEquals(512L << 20, parse("storage:\n  maxTotalGB: 0\n").minFreeBytes(), "the default");
        assertEquals("beholder.yml line 3: storage.minFreeMB: must be between 0 and 10485760, was '10485761'",
                error("storage:\n  maxTotalGB: 0\n  minFreeMB: 10485761\n"));
        assertEquals("beholder.yml line 2: storage.minFreeMB: must be between 0 and 10485760, was '-1'",
                error("storage:\n  minFreeMB: -1\n"));
    }

    @Test
    void gigabyteSizesAreExactLongsAndBounded() throws Exception {
        assertEquals(1_000_000_000_000_000L, parse("storage:\n  maxTotalGB: 1000000\n").maxTotalBytes());
        assertEquals(2_500_000_000L, parse(CHANNEL + "    retentionGB: 2.5\n").cameras().get(0).retentionBytes());
        assertEquals("beholder.yml line 2: storage.maxTotalGB: must be between 0 and 1000000, was '1000000.5'",
                error("storage:\n  maxTotalGB: 1000000.5\n"));
        assertEquals("beholder.yml line 2: storage.maxTotalGB: must be a number, was '1e400'",
                error("storage:\n  maxTotalGB: 1e400\n"));
        assertEquals("beholder.yml line 4: channels[0].retentionGB: must be between 0 and 1000000, was "
                + "'99999999999999999999'", error(CHANNEL + "    retentionGB: 99999999999999999999\n"));
        assertTrue(error(CHANNEL + "    retentionGB: 2d\n").startsWith(
                "beholder.yml line 4: channels[0].retentionGB: must be a number, was '2d'"), "Java's 2d is no size");
        assertTrue(error("storage:\n  maxTotalGB: NaN\n").startsWith("beholder.yml line 2: storage.maxTotalGB:"));
    }

    @Test
    void durationsNeverOverflowAndStayWithinTheirKeysBounds() throws Exception {
        assertEquals("beholder.yml line 4: channels[0].preRoll: must be between 0ms and 36500d, was "
                + "'1234567890123456789012s'", error(CHANNEL + "    preRoll: 1234567890123456789012s\n"));
        assertEquals("beholder.yml line 4: channels[0].preRoll: must be between 1 ms and 2 min, was 3 min",
                error(CHANNEL + "    preRoll: 3m\n"), "core's validator, with this file's line and key");
        assertEquals("beholder.yml line 2: storage.retentionInterval: must be between 1s and 1d, was "
                + "'99999999999999d'", error("storage:\n  retentionInterval: 99999999999999d\n"));
        assertEquals("beholder.yml line 2: storage.retentionInterval: must be between 1s and 1d, was '0s'",
                error("storage:\n  retentionInterval: 0s\n"));
        assertEquals("beholder.yml line 4: channels[0].stallTimeout: must be between 1 s and 10 min, was 500 ms",
                error(CHANNEL + "    stallTimeout: 500ms\n"));
        assertTrue(error(CHANNEL + "    objectInterval: -5s\n")
                .startsWith("beholder.yml line 4: channels[0].objectInterval: must be a duration like"));
        assertEquals(Duration.ofMillis(500), parse(CHANNEL + "    preRoll: 500ms\n").cameras().get(0).preRoll());
        assertEquals(Duration.ofDays(1), parse("storage:\n  retentionInterval: 1d\n").retentionInterval());
        assertEquals(Duration.ofSeconds(90), parse(CHANNEL + "    postRoll: 90\n").cameras().get(0).postRoll(),
                "a plain number means seconds");
    }

    @Test
    void wholeNumbersOfAnyLengthAreCheckedNotParsedIntoOverflow() {
        assertEquals("beholder.yml line 2: server.port: must be between 1 and 65535, was '99999999999999999999'",
                error("server:\n  port: 99999999999999999999\n"));
        assertEquals("beholder.yml line 4: channels[0].retentionDays: must be between 0 and 36500, was -3",
                error(CHANNEL + "    retentionDays: -3\n"));
        assertTrue(error(CHANNEL + "    retentionDays: 99999999999999999999\n")
                .startsWith("beholder.yml line 4: channels[0].retentionDays: must be between"));
    }

    @Test
    void theValidatorsChecksKeepTheEntrysLineAndKey() {
        assertEquals("beholder.yml line 2: channels[0].id: must be 1-64 letters, digits, '-' or '_', starting with"
                + " a letter or digit, was 'not an id!'", error("channels:\n  - id: 'not an id!'\n    url: \"test:\"\n"));
        assertEquals("beholder.yml line 5: channels[0].recordOn: records on object classes (person) but object"
                + " detection is off: turn objects on", error(CHANNEL + "    record: events\n    recordOn: [person]\n"));
    }

    @Test
    void allowedOriginsAreBrowserOriginsWithoutPathsOrWildcards() throws Exception {
        assertEquals(List.of(), parse("").allowedOrigins(), "none by default");
        StandaloneConfig config = parse("server:\n  allowedOrigins:\n    - https://NVR.example.com/\n"
                + "    - http://192.168.1.5:8080\n    - https://nvr.example.com:443\n    - http://[::1]:80\n");
        assertEquals(List.of("https://nvr.example.com", "http://192.168.1.5:8080", "http://[::1]"),
                config.allowedOrigins());
        assertEquals("beholder.yml line 2: server.allowedOrigins: must be http(s)://host[:port] with no path, was "
                + "'https://nvr.example.com/beholder'",
                error("server:\n  allowedOrigins: [https://nvr.example.com/beholder]\n"));
        assertTrue(error("server:\n  allowedOrigins: ['https://*.example.com']\n")
                .startsWith("beholder.yml line 2: server.allowedOrigins: wildcards are not allowed"));
        assertTrue(error("server:\n  allowedOrigins: ['*']\n").contains("wildcards are not allowed"));
        assertTrue(error("server:\n  allowedOrigins: [ftp://example.com]\n").contains("must be http(s)://"));
        assertTrue(error("server:\n  allowedOrigins: [null]\n").contains("must be http(s)://"));
        assertTrue(error("server:\n  allowedOrigins: ['https://a.example:70000']\n").contains("port must be"));
    }

    @Test
    void yamlLimitsAndSyntaxErrorsNameTheLine() {
        assertTrue(error("server:\n  host: a\n\tport: 1\n").startsWith("beholder.yml line 3: found character '\\t"));
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9))
                    .append("*").append((char) (c - 1)).append("]\n");
        }
        assertTrue(error(bomb.toString()).startsWith("beholder.yml line 3: more than 10 aliases"), bomb.toString());
        assertTrue(error("a: " + "[".repeat(30) + "]".repeat(30) + "\n")
                .startsWith("beholder.yml line 1: nested deeper than 20 levels"));
        assertEquals("beholder.yml line 2: found undefined alias nowhere", error("server:\n  host: *nowhere\n"));
        assertEquals("beholder.yml line 2: the file contains a control character (U+0007)",
                error("server:\n  host: \u0007\n"));
    }

    @Test
    void aFileThatIsNotUtf8OrTooLargeIsRefusedWithItsLine(@TempDir Path folder) throws Exception {
        Path config = folder.resolve("beholder.yml");
        byte[] text = "server:\n  host: a\n  port: 80\n".getBytes(StandardCharsets.UTF_8);
        text[17] = (byte) 0xC3; // starts a two-byte sequence that the newline after it breaks
        Files.write(config, text);
        assertEquals("beholder.yml line 2: the file is not UTF-8 text",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(config)).getMessage());
        Files.writeString(config, "# padding\n".repeat(200_000));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(config)).getMessage()
                .startsWith("beholder.yml line 104858: the file is larger than 1 MiB"));
    }

    @Test
    void valuesAreShownShortAndWithoutControlCharacters() {
        String message = error(CHANNEL + "    preRoll: \"" + "x".repeat(5000) + "\\e[31m\"\n");
        assertTrue(message.endsWith("was '" + "x".repeat(40) + "…'"), message);
        assertFalse(error(CHANNEL + "    preRoll: \"\\e[31mred\"\n").contains("\u001b"));
    }
}
