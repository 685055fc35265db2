package org.beholder.engine.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The camera of the tests: GStreamer's RTSP server (Python bindings, only in /usr/bin/python3) serving x264 with
 * a fixed GOP on a free loopback port. Can be killed and restarted on the same port.
 */
public final class RtspCameraFixture implements AutoCloseable {
    private final int port;
    private final List<String> options;
    private Process process;

    private RtspCameraFixture(int port, List<String> options) {
        this.port = port;
        this.options = options;
    }

    /** Options as for rtsp_camera.py, e.g. "--user", "admin", "--password", "secret", "--gop", "15". */
    public static RtspCameraFixture start(String... options) throws IOException {
        RtspCameraFixture camera = new RtspCameraFixture(freePort(), List.of(options));
        camera.launch();
        return camera;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path script() throws IOException {
        Path script = Files.createTempFile("rtsp_camera", ".py");
        try (InputStream in = RtspCameraFixture.class.getResourceAsStream("/org/beholder/engine/testcamera/rtsp_camera.py")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
        return script;
    }

    public void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script().toString(), String.valueOf(port)));
        command.addAll(options);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> {
                    try (out) {
                        while (out.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (IOException e) {
                        // process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IOException("RTSP test camera did not start:\n" + seen);
    }

    /** Kills the server process (like pulling the camera's cable) and lets go of its pipes. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            closeQuietly(process.getOutputStream());
            closeQuietly(process.getErrorStream());
        }
    }

    private static void closeQuietly(java.io.Closeable stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // already closed
        }
    }

    public String url() {
        return url("/cam");
    }

    public String url(String path) {
        return "rtsp://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
