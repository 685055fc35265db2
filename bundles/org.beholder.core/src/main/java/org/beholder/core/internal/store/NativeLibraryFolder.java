package org.beholder.core.internal.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where sqlite-jdbc unpacks its native library. It writes {@code sqlite-<version>-<uuid>-libsqlitejdbc.so} and a
 * {@code .lck} beside it in {@code org.sqlite.tmpdir} (default {@code java.io.tmpdir}), under a new name at every
 * start, checks the bytes written against the jar, and deletes both at a normal exit. A start killed while
 * unpacking therefore never loads a half-written library, but leaves its files behind (the {@code .lck} keeps
 * sqlite-jdbc's own clean-up away from them). Pointing {@code org.sqlite.tmpdir} at a folder of Beholder's own
 * (unless the host already set it) keeps the library off a {@code noexec} /tmp and lets Beholder delete those
 * leftovers: files older than this JVM cannot belong to it.
 */
public final class NativeLibraryFolder {
    private static final Logger logger = LoggerFactory.getLogger(NativeLibraryFolder.class);
    public static final String PROPERTY = "org.sqlite.tmpdir";

    private NativeLibraryFolder() {
    }

    /** Sets {@code org.sqlite.tmpdir} to {@code folder} unless set, and sweeps what earlier runs left there. */
    public static synchronized void prepare(Path folder) {
        String configured = System.getProperty(PROPERTY);
        try {
            if (configured == null) {
                Files.createDirectories(folder);
                System.setProperty(PROPERTY, folder.toAbsolutePath().toString());
            }
            Path used = Path.of(System.getProperty(PROPERTY));
            if (used.toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())) {
                sweep(folder);
            }
        } catch (IOException | RuntimeException e) {
            logger.warn("Could not prepare the SQLite native library folder {}: {}", folder, e.toString());
        }
    }

    private static void sweep(Path folder) throws IOException {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "sqlite-*")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toMillis() < jvmStartMs) {
                    Files.deleteIfExists(file);
                    logger.debug("Deleted {}, left by an earlier run", file);
                }
            }
        }
    }
}
