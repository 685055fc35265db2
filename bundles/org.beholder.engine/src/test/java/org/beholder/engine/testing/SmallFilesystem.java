package org.beholder.engine.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small filesystem for disk-full tests: a tmpfs of a few MiB mounted on a fresh folder. Needs root;
 * {@link #mount} skips the test (with the reason) when it cannot mount.
 */
public final class SmallFilesystem implements AutoCloseable {
    private final Path mountPoint;

    private SmallFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    public static SmallFilesystem mount(int mebibytes) throws IOException, InterruptedException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assumeTrue(Integer.valueOf(0).equals(uid), "disk-full tests mount a tmpfs and need root (uid is " + uid + ")");
        Path folder = Files.createTempDirectory("beholder-small-fs");
        String output = run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", folder.toString());
        if (output != null) {
            Files.deleteIfExists(folder);
            assumeTrue(false, "cannot mount a " + mebibytes + " MiB tmpfs: " + output);
        }
        return new SmallFilesystem(folder);
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        return process.exitValue() == 0 ? null : output.trim();
    }

    public Path path() {
        return mountPoint;
    }

    public long freeBytes() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Unmounts (lazily if something still holds a file open) and removes the mount point. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", mountPoint.toString()) != null) {
            run("umount", "-l", mountPoint.toString());
        }
        Files.deleteIfExists(mountPoint);
    }
}
