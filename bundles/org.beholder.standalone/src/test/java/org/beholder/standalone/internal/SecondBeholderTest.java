package org.beholder.standalone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second Beholder started by mistake on the same data folder (or on a busy port) with real processes: it must
 * leave the running one's open recording alone.
 */
class SecondBeholderTest {

    @Test
    void aSecondBeholderLeavesTheRunningOnesOpenRecordingAlone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("beholder.yml"), """
                tokens:
                  - name: test
                    sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                channels:
                  - id: cam
                    url: "test:?width=320&height=240&fps=10&gop=10"
                    record: continuous
                    motion: false
                """);
        Process first = beholder("--config", config.toString(), "--data", data.toString(), "--port", "0");
        List<String> firstOutput = new ArrayList<>();
        try {
            int port = port(first, firstOutput);
            Path recordings = data.resolve("recordings/cam");
            Waits.until(Duration.ofSeconds(60), () -> completeSegments(recordings).size() >= 2,
                    () -> "the first Beholder records");
            Path recording = onlyRecording(recordings);
            Map<String, String> before = completeSegments(recordings);

            // The same config again: same data folder, and the port is busy too.
            Process second = beholder("--config", config.toString(), "--data", data.toString(), "--port",
                    Integer.toString(port));
            String secondOutput = finish(second);
            assertEquals(Main.EXIT_IN_USE, second.exitValue(), secondOutput);
            assertTrue(secondOutput.contains("beholder: data folder " + data.toAbsolutePath() + " in use by PID "
                    + first.pid()), secondOutput);

            // Another data folder, busy port: fails on the port before any channel touches its folder.
            Path otherData = dir.resolve("other");
            Process third = beholder("--config", config.toString(), "--data", otherData.toString(), "--port",
                    Integer.toString(port));
            String thirdOutput = finish(third);
            assertEquals(Main.EXIT_START, third.exitValue(), thirdOutput);
            assertTrue(thirdOutput.contains("cannot listen on 127.0.0.1:" + port), thirdOutput);
            assertFalse(Files.exists(otherData.resolve("recordings")), "no channel started: " + thirdOutput);

            Map<String, String> after = completeSegments(recordings);
            before.forEach((name, hash) -> assertEquals(hash, after.get(name), name + " unchanged"));
            assertEquals(recording, onlyRecording(recordings), "still one recording");
            assertFalse(Files.readString(recording.resolve("recording.properties")).contains("end="), "still open");
            assertFalse(Files.readString(recording.resolve("index.m3u8")).contains("#EXT-X-ENDLIST"), "still open");
            Waits.until(Duration.ofSeconds(30), () -> completeSegments(recordings).size() > after.size(),
                    () -> "the first Beholder goes on recording");

            first.destroy(); // SIGTERM: finalises the recording, once
            assertTrue(first.waitFor(30, TimeUnit.SECONDS), "exits on SIGTERM");
            assertEquals(recording, onlyRecording(recordings), "one recording, not cut in two");
            String playlist = Files.readString(recording.resolve("index.m3u8"));
            assertEquals(1, playlist.split("#EXT-X-ENDLIST", -1).length - 1, playlist);
            before.keySet().forEach(name -> assertTrue(playlist.contains(name), name + " in the playlist"));
            String properties = Files.readString(recording.resolve("recording.properties"));
            assertEquals(1, properties.split("\nend=|^end=", -1).length - 1, properties);
        } finally {
            first.destroyForcibly();
        }
    }

    private static Process beholder(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the first one's output up to its URL, then drains the rest in the background. */
    private static int port(Process process, List<String> output) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        Pattern open = Pattern.compile("open http://127\\.0\\.0\\.1:(\\d+)/beholder/");
        String line;
        while ((line = reader.readLine()) != null) {
            output.add(line);
            Matcher matcher = open.matcher(line);
            if (matcher.find()) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> { }));
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no URL printed: " + String.join("\n", output));
    }

    private static String finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exits");
        return output;
    }

    private static Path onlyRecording(Path channelFolder) throws IOException {
        try (Stream<Path> files = Files.walk(channelFolder)) {
            List<Path> recordings = files.filter(f -> f.getFileName().toString().equals("recording.properties"))
                    .map(Path::getParent).toList();
            assertEquals(1, recordings.size(), recordings.toString());
            return recordings.get(0);
        }
    }

    /** Finished segments (not the one being written) by name, with a hash of their bytes. */
    private static Map<String, String> completeSegments(Path channelFolder) {
        Map<String, String> segments = new TreeMap<>();
        try (Stream<Path> files = Files.walk(channelFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".ts")).toList()) {
                segments.put(file.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (Exception e) {
            return Map.of();
        }
        return segments;
    }
}
