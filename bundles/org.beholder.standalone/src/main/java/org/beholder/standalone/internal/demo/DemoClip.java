package org.beholder.standalone.internal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.beholder.engine.ClipWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's looping MPEG-TS file, made once under {@code <data>/demo/}. A clip counts only with its checksum
 * beside it ({@code lobby.ts.sha256}, written last): a clip cut short by Ctrl+C during the first start, a crash or a
 * power cut has none, or a wrong one, and is made again. Both files reach their names by an atomic rename after an
 * fsync, and temporary files left by an interrupted start are removed.
 */
final class DemoClip {
    private static final Logger logger = LoggerFactory.getLogger(DemoClip.class);
    static final String NAME = "lobby.ts";
    static final String CHECKSUM = NAME + ".sha256";

    private DemoClip() {
    }

    /** The clip in {@code folder}, made (a few seconds of CPU) unless a complete one is there. */
    static Path ensure(Path folder) throws IOException {
        Path clip = folder.resolve(NAME);
        Path checksum = folder.resolve(CHECKSUM);
        if (Files.isRegularFile(clip) && Files.isRegularFile(checksum)
                && Files.readString(checksum).equals(checksumLine(clip))) {
            return clip;
        }
        Files.createDirectories(folder);
        removeLeftovers(folder);
        Files.deleteIfExists(checksum);
        logger.info("Making the demo clip {} (once)", clip);
        Path partial = temporary(folder, NAME);
        try {
            ClipWriter.write(partial, 10, 640, 360);
            commit(partial, clip);
            Path partialChecksum = temporary(folder, CHECKSUM);
            Files.writeString(partialChecksum, checksumLine(clip), StandardOpenOption.CREATE_NEW);
            commit(partialChecksum, checksum);
        } finally {
            removeLeftovers(folder);
        }
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true); // makes the renames themselves survive a power cut
        }
        return clip;
    }

    private static Path temporary(Path folder, String name) {
        return folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
    }

    private static void commit(Path partial, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Our temporary files, and the one ClipWriter itself writes beside its target. */
    private static void removeLeftovers(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("." + NAME)
                    && f.getFileName().toString().contains(".part")
                    || f.getFileName().toString().equals(NAME + ".part")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String checksumLine(Path clip) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(clip), sha256)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest()) + "  " + NAME + "\n";
    }
}
