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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Beholder per data folder: an exclusive OS lock on {@code <folder>/.lock}, held for the life of the process
 * (or until {@link #close()}), taken before anything reads or repairs the folder. The file holds the owner's PID so
 * that a second process can say who has it; the OS releases the lock when the owner dies, even by kill -9, so a
 * stale file never blocks a start.
 *
 * <p>Within one process the folders held are also kept in a set that is checked before the lock file is even
 * opened: the OS lock is a POSIX record lock, and closing <em>any</em> descriptor of the file in the owning
 * process releases it, so a refused second attempt in the same JVM must never open and close the file.
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

    /** Real paths of the folders this process holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, Path key, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the folder if needed and locks it, or fails at once with "data folder … in use by PID …". */
    public static DataFolderLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path key = folder.toRealPath();
        if (!HELD.add(key)) {
            throw inUse(folder, Long.toString(ProcessHandle.current().pid()));
        }
        try {
            return lock(folder, key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static DataFolderLock lock(Path folder, Path key) throws IOException {
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
            throw inUse(folder, owner);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
                0);
        channel.force(false);
        return new DataFolderLock(folder, key, channel, lock);
    }

    private static InUseException inUse(Path folder, String owner) {
        return new InUseException("data folder " + folder.toAbsolutePath() + " in use by "
                + (owner.isEmpty() ? "another Beholder" : "PID " + owner)
                + ": one Beholder per data folder (stop the other one or choose another data folder)");
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
        } finally {
            HELD.remove(key);
        }
    }
}
