package org.beholder.standalone.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo clip after a first start that was interrupted while making it (real GStreamer, real files). */
class DemoClipTest {

    @Test
    void aClipCutShortByAnInterruptedStartIsMadeAgainAndThenKept(@TempDir Path folder) throws Exception {
        Path clip = folder.resolve("lobby.ts");
        byte[] packet = new byte[188];
        packet[0] = 0x47;
        Files.write(clip, packet); // one packet of what should be ten seconds, and no checksum beside it
        Files.write(folder.resolve(".lobby.ts.5eed.part"), new byte[1000]);
        Files.write(folder.resolve("lobby.ts.part"), new byte[1000]);

        assertEquals(clip, DemoClip.ensure(folder));
        long size = Files.size(clip);
        assertTrue(size > 100_000, "ten seconds of video, not " + size + " bytes");
        assertEquals(0, size % 188, "whole MPEG-TS packets");
        assertEquals(0x47, Files.readAllBytes(clip)[0]);
        assertTrue(Files.readString(folder.resolve("lobby.ts.sha256")).endsWith("  lobby.ts\n"));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("lobby.ts", "lobby.ts.sha256"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary files are left");
        }

        Object made = Files.getAttribute(clip, "unix:ino");
        DemoClip.ensure(folder);
        assertEquals(made, Files.getAttribute(clip, "unix:ino"), "a complete clip is kept");

        byte[] changed = Files.readAllBytes(clip);
        Files.write(clip, java.util.Arrays.copyOf(changed, changed.length / 2)); // e.g. a power cut before the fsync
        DemoClip.ensure(folder);
        assertTrue(Files.size(clip) > size * 9 / 10, "a clip that does not match its checksum is made again "
                + "(the encoder's output differs a little from run to run)");
        Object remade = Files.getAttribute(clip, "unix:ino");
        DemoClip.ensure(folder);
        assertEquals(remade, Files.getAttribute(clip, "unix:ino"), "and its new checksum matches");
        assertFalse(Files.exists(folder.resolve(".lobby.ts.5eed.part")));
    }
}
