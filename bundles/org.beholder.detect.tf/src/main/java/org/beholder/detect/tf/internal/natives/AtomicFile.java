package org.beholder.detect.tf.internal.natives;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a file so that its final name only ever holds a complete copy: temporary name, fsync, atomic rename. */
final class AtomicFile {

    /** What goes into the file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param expectedSize the size the content must have, or -1 for any
     * @param modified     the modification time to give the file (milliseconds), or null for now
     */
    static void write(Path target, Content content, long expectedSize, Long modified) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + NativeLibraries.PARTIAL);
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                if (expectedSize >= 0 && channel.size() != expectedSize) {
                    throw new IOException("unpacked " + channel.size() + " bytes of " + target.getFileName()
                            + " instead of " + expectedSize);
                }
                channel.force(true);
            }
            if (modified != null) {
                Files.setLastModifiedTime(partial, FileTime.fromMillis(modified));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Makes a rename in the folder durable (without it, a power cut may undo the rename after the fsync). */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
