package org.beholder.engine.internal.record;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.beholder.engine.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of every recording under the recordings root, {@code <root>/<channel>/<yyyy-MM-dd>/<id>/}. The tree
 * is scanned once per channel (repairing recordings a crash left open); afterwards the recorder and retention
 * keep the index current, so listing by time range never touches the disk.
 */
public final class RecordingStore {
    private static final Logger logger = LoggerFactory.getLogger(RecordingStore.class);

    private final Path root;
    private final InstantSource clock;
    private final Map<String, TreeMap<String, Recording>> byChannel = new HashMap<>();

    /** {@code clock} says how far an open recording reaches when listing by time range: until now. */
    public RecordingStore(Path root, InstantSource clock) throws IOException {
        this.root = root;
        this.clock = clock;
        Files.createDirectories(root);
    }

    public Path root() {
        return root;
    }

    public Path channelFolder(String channelId) {
        return root.resolve(channelId);
    }

    /**
     * Scans a channel's folder once: repairs recordings left open and removes orphan folders (see
     * {@link #isOrphan}) that an interrupted start of a recording may have left.
     */
    public synchronized void load(String channelId) throws IOException {
        if (byChannel.containsKey(channelId)) {
            return;
        }
        TreeMap<String, Recording> recordings = new TreeMap<>();
        Path folder = channelFolder(channelId);
        if (Files.isDirectory(folder)) {
            sweepOrphans(folder);
            try (Stream<Path> metas = Files.find(folder, 3,
                    (path, attributes) -> path.getFileName().toString().equals(RecordingMeta.FILE))) {
                for (Path meta : metas.toList()) {
                    readRecording(meta.getParent()).ifPresent(r -> recordings.put(r.id(), r));
                }
            }
        }
        byChannel.put(channelId, recordings);
    }

    private static void sweepOrphans(Path channelFolder) throws IOException {
        List<Path> candidates;
        try (Stream<Path> folders = Files.find(channelFolder, 2, (path, attributes) -> attributes.isDirectory()
                && channelFolder.relativize(path).getNameCount() == 2)) {
            candidates = folders.toList();
        }
        for (Path candidate : candidates) {
            if (isOrphan(candidate)) {
                logger.info("Removing orphan recording folder {} (nothing but leftovers of a start that failed)",
                        candidate);
                deleteFolder(candidate);
            }
        }
        try (Stream<Path> days = Files.list(channelFolder)) {
            for (Path day : days.filter(Files::isDirectory).toList()) {
                deleteIfEmpty(day);
            }
        }
    }

    /**
     * A recording folder without a playlist and without readable metadata, holding nothing but temporary files
     * and the space reserve: a recording whose start failed (e.g. the disk was full). A folder with any segment
     * is never an orphan.
     */
    static boolean isOrphan(Path folder) throws IOException {
        if (Files.exists(folder.resolve(Playlist.FILE))) {
            return false;
        }
        if (Files.exists(folder.resolve(RecordingMeta.FILE))) {
            try {
                RecordingMeta.load(folder);
                return false;
            } catch (IOException | RuntimeException e) {
                // unreadable metadata: an orphan if nothing else is there
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.allMatch(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".tmp") || name.equals(HlsRecordingWriter.RESERVE_FILE)
                        || name.equals(RecordingMeta.FILE);
            });
        }
    }

    private Optional<Recording> readRecording(Path folder) {
        try {
            if (RecordingMeta.load(folder).end == null || !Playlist.isEnded(folder)) {
                RecordingRepair.repair(folder);
            }
            return Optional.of(toRecording(RecordingMeta.load(folder), folder));
        } catch (IOException | RuntimeException e) {
            logger.warn("Skipping unreadable recording {}: {}", folder, e.getMessage());
            return Optional.empty();
        }
    }

    static Recording toRecording(RecordingMeta meta, Path folder) throws IOException {
        return new Recording(meta.id, meta.channelId, meta.start, meta.end, List.copyOf(meta.reasons), folder,
                sizeOf(folder));
    }

    public synchronized void put(Recording recording) {
        byChannel.computeIfAbsent(recording.channelId(), c -> new TreeMap<>()).put(recording.id(), recording);
    }

    /** Recordings of a channel overlapping [from, to), oldest first. */
    public synchronized List<Recording> list(String channelId, Instant from, Instant to) {
        TreeMap<String, Recording> recordings = byChannel.get(channelId);
        if (recordings == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Recording> out = new ArrayList<>();
        for (Recording recording : recordings.values()) {
            Instant end = recording.end() == null ? now : recording.end();
            if (recording.start().isBefore(to) && !end.isBefore(from)) {
                out.add(recording);
            }
        }
        return out;
    }

    public synchronized Optional<Recording> get(String channelId, String id) {
        TreeMap<String, Recording> recordings = byChannel.get(channelId);
        return Optional.ofNullable(recordings == null ? null : recordings.get(id));
    }

    /** Closed recordings of all channels, oldest first: the order retention deletes in. */
    public synchronized List<Recording> closedOldestFirst() {
        List<Recording> out = new ArrayList<>();
        for (TreeMap<String, Recording> recordings : byChannel.values()) {
            for (Recording recording : recordings.values()) {
                if (!recording.isOpen()) {
                    out.add(recording);
                }
            }
        }
        out.sort(Comparator.comparing(Recording::start));
        return out;
    }

    public synchronized long bytes(String channelId) {
        TreeMap<String, Recording> recordings = byChannel.get(channelId);
        return recordings == null ? 0 : recordings.values().stream().mapToLong(Recording::bytes).sum();
    }

    public synchronized long totalBytes() {
        return byChannel.values().stream().flatMap(m -> m.values().stream()).mapToLong(Recording::bytes).sum();
    }

    /** Deletes a closed recording from disk and index. Open recordings are never deleted. */
    public void delete(Recording recording) throws IOException {
        synchronized (this) {
            TreeMap<String, Recording> recordings = byChannel.get(recording.channelId());
            Recording current = recordings == null ? null : recordings.get(recording.id());
            if (current == null || current.isOpen()) {
                return;
            }
            recordings.remove(recording.id());
        }
        deleteFolder(recording.folder());
    }

    /** Deletes a recording folder and its day folder if that is left empty. */
    static void deleteFolder(Path folder) throws IOException {
        deleteTree(folder);
        deleteIfEmpty(folder.getParent());
    }

    private static void deleteIfEmpty(Path folder) {
        try (Stream<Path> rest = Files.list(folder)) {
            if (rest.findAny().isEmpty()) {
                Files.delete(folder);
            }
        } catch (IOException e) {
            // another recording of that day is being created; leave the folder
        }
    }

    static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long sum = 0;
            for (Path file : files.toList()) {
                sum += Files.size(file);
            }
            return sum;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
