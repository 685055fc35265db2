package org.beholder.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Beholder per data folder: an exclusive OS lock on {@code <folder>/.lock}, held for the life of the process
 * (or until {@link #close()}), taken before anything reads or repairs the folder. The file holds the owner's PID so
 * that a second process can say who has it; the OS releases the lock when the owner dies, even by kill -9, so a
 * stale file never blocks a start.
 */
public final class DataFolderLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";

    /** Another process (or another engine in this one) uses the folder. */
    public static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;

        InUseException(String message) {
            super(message);
        }
    }

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the folder if needed and locks it, or fails at once with "data folder … in use by PID …". */
    public static DataFolderLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String owner = readOwner(channel);
            channel.close();
            throw new InUseException("data folder " + folder.toAbsolutePath() + " in use by "
                    + (owner.isEmpty() ? "another Beholder" : "PID " + owner)
                    + ": one Beholder per data folder (stop the other one or choose another data folder)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
                0);
        channel.force(false);
        return new DataFolderLock(folder, channel, lock);
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int read = channel.read(buffer, 0);
            return read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases it with the process anyway
        }
    }
}
