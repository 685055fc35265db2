package org.beholder.standalone.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.beholder.analytics.ObjectDetector;
import org.beholder.core.Beholder;
import org.beholder.core.CameraSetupException;
import org.beholder.core.settings.CameraSettings;
import org.beholder.detect.tf.NanoDetDetector;
import org.beholder.engine.DataFolderLock;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.Redaction;
import org.beholder.standalone.internal.admin.ConnectionProbe;
import org.beholder.standalone.internal.admin.SavedSettings;
import org.beholder.standalone.internal.admin.SettingsFile;
import org.beholder.standalone.internal.admin.StandaloneCameras;
import org.beholder.standalone.internal.admin.StandaloneUsers;
import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.auth.StandaloneGuard;
import org.beholder.standalone.internal.config.ConfigException;
import org.beholder.standalone.internal.config.ConfigLoader;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.beholder.standalone.internal.demo.DemoCameras;
import org.beholder.standalone.internal.server.ServerLimits;
import org.beholder.standalone.internal.server.WebServer;
import org.beholder.web.BeholderWeb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar beholder.jar [--config beholder.yml] [--port N] [--host ADDR] [--data DIR] [--demo]}, or
 * {@code --hash-password} to make a password hash for the config. Without a config and without users it starts
 * anyway: the page then asks for the first administrator, and cameras and users are managed in the page (saved in
 * {@code <data>/settings.json}). Everything is checked before anything starts;
 * on SIGTERM open recordings are closed and their playlists finalised before the process exits.
 */
public final class Main {
    private static final Logger logger = LoggerFactory.getLogger(Main.class);
    static final int EXIT_USAGE = 2;
    static final int EXIT_CONFIG = 3;
    static final int EXIT_START = 4;
    static final int EXIT_IN_USE = 5;
    static final Duration SETUP_RETRY = Duration.ofSeconds(30);
    /** The longest "test connection" waits for a camera. */
    static final Duration PROBE_LIMIT = Duration.ofSeconds(15);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs until shut down; returns an exit code only when start-up fails. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("beholder: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return EXIT_USAGE;
        }
        if (command.help()) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        if (command.hashPassword()) {
            out.println(PasswordHash.hash(readPassword()));
            return 0;
        }
        StandaloneConfig config;
        try {
            config = command.config() == null
                    ? ConfigLoader.parse("defaults", new java.io.StringReader(""), Path.of("").toAbsolutePath())
                    : ConfigLoader.load(command.config());
            config = config.withOverrides(command.host(), command.port(), command.data());
        } catch (ConfigException e) {
            err.println("beholder: configuration error: " + Redaction.redact(e.getMessage()));
            return EXIT_CONFIG;
        }
        // Before anything reads or writes the data folder (the demo writes its clip there): one Beholder per folder.
        DataFolderLock lock;
        try {
            lock = DataFolderLock.acquire(config.dataDir());
        } catch (DataFolderLock.InUseException e) {
            err.println("beholder: " + e.getMessage());
            return EXIT_IN_USE;
        } catch (IOException e) {
            err.println("beholder: cannot start: data folder " + config.dataDir() + ": " + e.getMessage());
            return EXIT_START;
        }
        String demoPassword = null;
        Running running;
        try {
            if (command.demo()) {
                demoPassword = DemoCameras.randomPassword();
                config = DemoCameras.apply(config, demoPassword);
            }
            running = start(lock, config);
        } catch (Exception e) {
            lock.close();
            err.println("beholder: cannot start: " + Redaction.redact(e.getMessage()));
            return EXIT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "beholder-shutdown"));
        String url = "http://" + (config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host()) + ":"
                + running.server.port() + "/beholder/";
        out.println();
        out.println("Beholder is running: open " + url);
        if (running.users.setupNeeded()) {
            out.println("  No users yet: the page asks for the first administrator's name and password.");
        }
        if (demoPassword != null) {
            out.println("  user:     " + DemoCameras.USER);
            out.println("  password: " + demoPassword);
        }
        out.println("Stop with Ctrl+C (open recordings are closed properly).");
        out.flush();
        running.stopped.await();
        return 0;
    }

    private static char[] readPassword() throws Exception {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("Password: ");
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password on standard input");
        }
        return line.toCharArray();
    }

    /** The running pieces, stopped in reverse order of their start. */
    static final class Running {
        final DataFolderLock lock;
        final Beholder beholder;
        /** Loaded after the cameras, when one of them detects objects. */
        volatile ObjectDetector detector;
        final WebServer server;
        final StandaloneUsers users;
        final CountDownLatch stopped = new CountDownLatch(1);
        /** Asks ONVIF cameras that did not answer at start again, until they do. */
        final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "beholder-camera-setup");
            thread.setDaemon(true);
            return thread;
        });

        Running(DataFolderLock lock, Beholder beholder, WebServer server, StandaloneUsers users) {
            this.lock = lock;
            this.beholder = beholder;
            this.server = server;
            this.users = users;
        }

        /** Adds the camera now, or keeps trying every {@link #SETUP_RETRY} while its ONVIF device does not answer. */
        void addCamera(CameraSettings camera) throws IOException {
            try {
                beholder.addCamera(camera);
            } catch (CameraSetupException e) { // one unreachable ONVIF camera must not keep the others off
                logger.error("Camera {} is not started, trying again in {} s: {}", camera.id(),
                        SETUP_RETRY.toSeconds(), Redaction.redact(e.getMessage(), camera.password()));
                retries.schedule(() -> {
                    try {
                        addCamera(camera);
                    } catch (IOException | RuntimeException again) {
                        logger.error("Camera {} cannot start: {}", camera.id(),
                                Redaction.redact(again.getMessage(), camera.password()));
                    }
                    return null;
                }, SETUP_RETRY.toSeconds(), TimeUnit.SECONDS);
            }
        }

        void stop() {
            retries.shutdownNow();
            logger.info("Stopping: closing open recordings");
            try {
                server.stop();
            } catch (Exception e) {
                logger.warn("Stopping the web server failed: {}", e.getMessage());
            }
            beholder.close();
            if (detector != null) {
                detector.close();
            }
            lock.close(); // last: nothing of this process touches the folder any more
            logger.info("Stopped");
            stopped.countDown();
        }
    }

    /** Locks the data folder, then starts as {@link #start(DataFolderLock, StandaloneConfig)}. */
    static Running start(StandaloneConfig config) throws Exception {
        DataFolderLock lock = DataFolderLock.acquire(config.dataDir());
        try {
            return start(lock, config);
        } catch (Exception e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Takes the port, then starts Beholder with every camera and the web server. The port comes first: a second
     * Beholder started by mistake must fail before any channel indexes (and repairs) recordings.
     */
    static Running start(DataFolderLock lock, StandaloneConfig config) throws Exception {
        WebServer server = new WebServer(config.host(), config.port(), ServerLimits.DEFAULTS);
        Beholder beholder = null;
        ObjectDetector detector = null;
        Running running = null;
        try {
            beholder = new Beholder(new EngineConfig(config.dataDir().resolve("recordings"), config.maxTotalBytes(),
                    config.minFreeBytes(), config.retentionInterval()), InstantSource.system(), config.dataDir());
            // The page's users and cameras; the file's win where both name one.
            SavedSettings saved = new SavedSettings(new SettingsFile(config.dataDir()));
            StandaloneGuard guard = new StandaloneGuard(config.users(), config.tokens(), beholder.clock());
            StandaloneUsers users = new StandaloneUsers(saved, guard, config);
            running = new Running(lock, beholder, server, users);
            for (CameraSettings camera : config.cameras()) {
                running.addCamera(camera);
            }
            List<String> fileCameraIds = new ArrayList<>(config.cameras().stream().map(CameraSettings::id).toList());
            fileCameraIds.addAll(config.disabledCameraIds());
            StandaloneCameras cameras = new StandaloneCameras(beholder, saved, fileCameraIds,
                    new ConnectionProbe(PROBE_LIMIT));
            cameras.startSaved();
            if (beholder.cameras().stream().anyMatch(camera -> camera.settings().objects())) {
                detector = NanoDetDetector.load(config.dataDir().resolve("native"));
                beholder.useDetector(detector); // re-attaches the cameras already running
                running.detector = detector;
            }
            BeholderWeb web = new BeholderWeb(beholder, guard);
            web.allowOrigins(config.allowedOrigins());
            web.administer(cameras, users);
            server.start(web, guard);
            return running;
        } catch (Exception e) {
            stopQuietly(server);
            if (running != null) {
                running.retries.shutdownNow();
            }
            if (beholder != null) {
                beholder.close();
            }
            if (detector != null) {
                detector.close();
            }
            throw e;
        }
    }

    private static void stopQuietly(WebServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            logger.debug("Stopping the web server after a failed start: {}", e.getMessage());
        }
    }
}
