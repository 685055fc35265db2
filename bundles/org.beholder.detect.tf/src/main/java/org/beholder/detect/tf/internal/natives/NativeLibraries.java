package org.beholder.detect.tf.internal.natives;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks TensorFlow's native libraries (about 680 MB) from the tensorflow-core-native jar so that an interrupted
 * unpack can never be loaded: each library is written under a temporary name in its final folder, forced to disk
 * and renamed into place, and only then is a marker ({@code <library>.complete}, recording size and modification
 * time) written beside it. A library without its marker, or of the wrong size, is unpacked again; a leftover
 * temporary file is removed. A library truncated by Ctrl+C during the first start made every later start die of
 * SIGBUS.
 * <p>
 * The files go exactly where JavaCPP (which TensorFlow Java uses to load its natives) looks for an already
 * extracted copy — {@code <cache>/<jar name>/<folder in the jar>/<library>}, with the jar entry's size and time — so
 * JavaCPP loads them as they are and never writes a library itself.
 */
public final class NativeLibraries {
    private static final Logger logger = LoggerFactory.getLogger(NativeLibraries.class);
    /** Where tensorflow-core-native keeps its libraries, one folder per platform (e.g. linux-x86_64). */
    private static final String RESOURCES = "/org/tensorflow/internal/c_api/";
    /** In load order: the JNI library needs the other two. */
    private static final List<String> LIBRARIES = List.of("libtensorflow_framework.so.2", "libtensorflow_cc.so.2",
            "libjnitensorflow.so");
    static final String MARKER = ".complete";
    static final String PARTIAL = ".part";

    private NativeLibraries() {
    }

    /**
     * Makes sure every library of {@code platform} is complete under {@code cacheDir}.
     *
     * @param cacheDir JavaCPP's cache folder (canonical)
     * @param platform JavaCPP's platform name, e.g. linux-x86_64
     * @throws IOException when this build carries no libraries for the platform, or the disk fails
     */
    public static void unpack(Path cacheDir, String platform) throws IOException {
        for (String library : LIBRARIES) {
            URL resource = NativeLibraries.class.getResource(RESOURCES + platform + "/" + library);
            if (resource == null) {
                throw new IOException("TensorFlow's native library " + library + " for " + platform
                        + " is not part of this build (it carries linux-x86_64 only), so object detection cannot run"
                        + " on this machine");
            }
            Source source = Source.of(resource);
            if (source == null) {
                logger.warn("Cannot unpack {} safely from {}; TensorFlow unpacks it itself", library, resource);
                continue;
            }
            Path target = cacheDir.resolve(source.folder()).resolve(library);
            removeLeftovers(target);
            if (!source.isUnpackedAt(target)) {
                unpack(resource, source, target);
            }
        }
    }

    private static void unpack(URL resource, Source source, Path target) throws IOException {
        Path folder = Files.createDirectories(target.getParent());
        Files.deleteIfExists(marker(target)); // first: a crash from here on leaves a library without its marker
        logger.info("Unpacking {} ({} MB, once)", target, source.size() >> 20);
        try (InputStream in = resource.openStream()) {
            AtomicFile.write(target, out -> in.transferTo(out), source.size(), source.modified());
        }
        AtomicFile.write(marker(target), out -> out.write(source.fingerprint().getBytes()), -1, null);
        AtomicFile.syncFolder(folder);
    }

    private static void removeLeftovers(Path target) throws IOException {
        if (!Files.isDirectory(target.getParent())) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (var files = Files.list(target.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(PARTIAL)).toList()) {
                logger.info("Removing {}, left over from an interrupted unpack", file);
                Files.deleteIfExists(file);
            }
        }
    }

    static Path marker(Path library) {
        return library.resolveSibling(library.getFileName() + MARKER);
    }

    /**
     * A library inside the jar (or a folder, when run from an IDE): where JavaCPP expects its copy and what that
     * copy must look like.
     */
    record Source(Path folder, long size, long modified) {

        /** Null for a resource JavaCPP keeps in no predictable place (e.g. an OSGi bundle's own URL). */
        static Source of(URL resource) throws IOException {
            URLConnection connection = resource.openConnection();
            if (connection instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                Path inJar = Path.of(entry.getName()).getParent();
                Path folder = Path.of(Path.of(jar.getJarFile().getName()).getFileName().toString());
                return new Source(inJar == null ? folder : folder.resolve(inJar), entry.getSize(), entry.getTime());
            }
            if (resource.getProtocol().equals("file")) {
                try {
                    Path file = Path.of(resource.toURI());
                    return new Source(file.getParent().getFileName(), Files.size(file),
                            Files.getLastModifiedTime(file).toMillis());
                } catch (URISyntaxException e) {
                    return null;
                }
            }
            return null;
        }

        String fingerprint() {
            return "size=" + size + " modified=" + modified + "\n";
        }

        boolean isUnpackedAt(Path target) throws IOException {
            Path marker = marker(target);
            if (!Files.isRegularFile(target) || !Files.isRegularFile(marker) || Files.size(target) != size
                    || !Files.readString(marker).equals(fingerprint())) {
                return false;
            }
            // JavaCPP compares the time too and would otherwise write over the library in place.
            if (Files.getLastModifiedTime(target).toMillis() != modified) {
                Files.setLastModifiedTime(target, FileTime.fromMillis(modified));
            }
            return true;
        }
    }
}
