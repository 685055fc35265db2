package org.beholder.standalone.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a process that saves the settings over and over, at moments spread over its writes: the file
 * that is left always loads, and holds either the last version reported saved or the one being written after it
 * (the rename is atomic), never a mix or a truncated file.
 */
class SettingsFileKillTest {

    @Test
    void aKilledWriterNeverLeavesAHalfWrittenFile(@TempDir Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Random moments = new Random(17); // the same kill moments every run
        for (int round = 0; round < 8; round++) {
            Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SettingsWriter.class.getName(), data.toString()).redirectErrorStream(true).start();
            int lastSaved = 0;
            int killAfter = 1 + moments.nextInt(40);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    assertTrue(line.startsWith("saved "), line);
                    lastSaved = Integer.parseInt(line.substring(6));
                    if (lastSaved >= killAfter) {
                        writer.destroyForcibly(); // SIGKILL: no shutdown hook, no finally blocks
                        break;
                    }
                }
            }
            writer.waitFor();
            assertEquals(137, writer.exitValue(), "killed with SIGKILL");

            SettingsFile.Settings loaded = new SettingsFile(data).load();
            int version = loaded.users().size();
            assertTrue(version == lastSaved || version == lastSaved + 1,
                    "round " + round + ": loaded version " + version + " after 'saved " + lastSaved + "'");
            assertEquals(SettingsFile.toJson(SettingsWriter.version(version)), SettingsFile.toJson(loaded),
                    "round " + round + ": the whole of one version");
            try (Stream<Path> files = Files.list(data)) {
                assertEquals(1, files.count(), "no leftovers after loading");
            }
        }
    }
}
