package org.beholder.core.internal.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event thumbnails as small JPEG files: {@code <root>/<channel>/<yyyy-MM-dd>/<event id>.jpg} (the UTC date of the
 * event's start). Written under a temporary name and renamed, so a file with the final name is always whole.
 */
public final class Thumbnails {
    private static final Logger logger = LoggerFactory.getLogger(Thumbnails.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String SUFFIX = ".jpg";
    private static final String TEMPORARY_SUFFIX = ".jpg.tmp";

    private final Path root;

    public Thumbnails(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The path of an event's thumbnail relative to the root, with '/' between names. */
    public static String relativePath(String channel, long startMs, String eventId) {
        for (String name : new String[] {channel, eventId}) {
            if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
                throw new IllegalArgumentException("not usable in a file name: '" + name + "'");
            }
        }
        return channel + "/" + DAY.format(Instant.ofEpochMilli(startMs)) + "/" + eventId + SUFFIX;
    }

    /** The file of a relative path, refusing any path that leads outside the root. */
    public Path resolve(String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("thumbnail path outside the thumbnails folder: '" + relative + "'");
        }
        return file;
    }

    public void write(String relative, byte[] jpeg) throws IOException {
        Path file = resolve(relative);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName().toString().replace(SUFFIX, TEMPORARY_SUFFIX));
        Files.write(temporary, jpeg);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes a thumbnail and the day and channel folders it leaves empty; true when a file was deleted. */
    public boolean delete(String relative) {
        try {
            Path file = resolve(relative);
            boolean deleted = Files.deleteIfExists(file);
            deleteIfEmpty(file.getParent());
            deleteIfEmpty(file.getParent().getParent());
            return deleted;
        } catch (IOException | IllegalArgumentException e) {
            logger.warn("Could not delete the thumbnail {}: {}", relative, e.toString());
            return false;
        }
    }

    /**
     * Deletes temporary files (of writes a crash interrupted) and every thumbnail {@code known} does not accept
     * (its event is gone), and folders left empty.
     *
     * @param known tells whether a relative path belongs to a stored event
     * @return the files deleted
     */
    public long sweep(Predicate<String> known) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        long deleted = 0;
        try (DirectoryStream<Path> channels = Files.newDirectoryStream(root)) {
            for (Path channel : channels) {
                if (!Files.isDirectory(channel)) {
                    continue;
                }
                try (DirectoryStream<Path> days = Files.newDirectoryStream(channel)) {
                    for (Path day : days) {
                        if (Files.isDirectory(day)) {
                            deleted += sweepDay(day, known);
                            deleteIfEmpty(day);
                        }
                    }
                }
                deleteIfEmpty(channel);
            }
        }
        return deleted;
    }

    private long sweepDay(Path day, Predicate<String> known) throws IOException {
        long deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(day)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                boolean orphan = name.endsWith(TEMPORARY_SUFFIX) || (name.endsWith(SUFFIX) && !known.test(relative));
                if (orphan && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        } catch (NoSuchFileException e) {
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) { // a thumbnail written into it meanwhile: keep it
            logger.debug("Kept folder {}: {}", folder, e.toString());
        }
    }
}
