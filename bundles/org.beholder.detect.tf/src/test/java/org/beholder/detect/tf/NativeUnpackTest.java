package org.beholder.detect.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.beholder.analytics.Detection;
import org.beholder.detect.tf.internal.natives.NativeLibraries;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow's natives after a first start that was interrupted while unpacking them: the next load repairs them
 * and detects. Runs in a JVM of its own (surefire: reuseForks=false), so the natives are not loaded yet.
 */
class NativeUnpackTest {
    private static final Path TESTDATA = Path.of("src/test/resources/darknet");
    private static final Path NATIVE = Path.of("target/native");
    private static final String FOLDER = "tensorflow-core-native-1.1.0-linux-x86_64.jar/org/tensorflow/internal/c_api/"
            + "linux-x86_64";

    @Test
    void anInterruptedUnpackIsRepairedByTheNextLoad() throws Exception {
        System.setProperty("org.bytedeco.javacpp.cachedir", NATIVE.toAbsolutePath().toString());
        Path libraries = Loader.getCacheDir().getCanonicalFile().toPath().resolve(FOLDER);
        Path jni = libraries.resolve("libjnitensorflow.so");
        Path framework = libraries.resolve("libtensorflow_framework.so.2");
        long jniSize = sizeInTheJar("libjnitensorflow.so");
        long frameworkSize = sizeInTheJar("libtensorflow_framework.so.2");
        // What Ctrl+C during the first unpack leaves: a truncated library at its final name without its marker
        // (written as a new file, never truncating one in place) and a temporary file of another.
        Files.createDirectories(libraries);
        Files.deleteIfExists(jni);
        Files.write(jni, new byte[100_000]);
        Files.deleteIfExists(jni.resolveSibling("libjnitensorflow.so.complete"));
        Path leftover = framework.resolveSibling(".libtensorflow_framework.so.2.1a2b3c.part");
        Files.write(leftover, new byte[4096]);

        NanoDetDetector detector = NanoDetDetector.load(NATIVE);
        try {
            List<Detection> found = detector.detect(PictureKeyframe.read(TESTDATA.resolve("person.jpg")));
            assertTrue(found.stream().anyMatch(d -> d.label().equals("person") && d.score() >= 0.5), found.toString());
        } finally {
            detector.close();
        }
        assertEquals(jniSize, Files.size(jni));
        assertEquals(frameworkSize, Files.size(framework));
        assertTrue(Files.isRegularFile(jni.resolveSibling("libjnitensorflow.so.complete")));
        assertFalse(Files.exists(leftover), "the leftover temporary file is gone");
        try (Stream<Path> files = Files.list(libraries)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".part")).toList());
        }
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertTrue(maps.contains(jni.toString()), "TensorFlow runs the repaired copy, not one of its own");
    }

    private static long sizeInTheJar(String library) throws IOException {
        return Loader.class.getClassLoader().getResource("org/tensorflow/internal/c_api/linux-x86_64/" + library)
                .openConnection().getContentLengthLong();
    }

    @Test
    void aPlatformWithoutLibrariesInThisBuildIsAClearErrorNotACrash(@TempDir Path cache) {
        IOException e = assertThrows(IOException.class, () -> NativeLibraries.unpack(cache, "linux-riscv64"));
        assertEquals("TensorFlow's native library libtensorflow_framework.so.2 for linux-riscv64 is not part of "
                + "this build (it carries linux-x86_64 only), so object detection cannot run on this machine",
                e.getMessage());
    }
}
