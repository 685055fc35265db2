package org.beholder.standalone.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.beholder.core.settings.CameraSettings;

/**
 * Everything {@code beholder.yml} says; see docs/reference/standalone-config.md for every key and its default.
 *
 * @param cameras the cameras to start
 * @param allowedOrigins origins ({@code scheme://host[:port]}, as browsers send them) besides the server's own
 *                       whose pages may make state-changing requests and open WebSockets
 * @param disabledCameraIds cameras the file keeps with {@code enabled: false}: not started, and their ids are
 *                       still the file's (the page cannot take them)
 */
public record StandaloneConfig(String host, int port, Path dataDir, long maxTotalBytes, long minFreeBytes,
        Duration retentionInterval, List<User> users, List<Token> tokens, List<CameraSettings> cameras,
        List<String> allowedOrigins, List<String> disabledCameraIds) {

    /**
     * A user who may log in; {@code passwordHash} as made by {@code --hash-password}; {@code admin} may change
     * settings, cameras and users, a viewer may only watch.
     */
    public record User(String name, String passwordHash, boolean admin) {
        /** An administrator, as every user of the file is unless it says {@code role: viewer}. */
        public User(String name, String passwordHash) {
            this(name, passwordHash, true);
        }
    }

    /** An API token, stored only as the SHA-256 of the token (hex). */
    public record Token(String name, String sha256) {
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public StandaloneConfig {
        cameras = List.copyOf(cameras);
        allowedOrigins = List.copyOf(allowedOrigins);
        disabledCameraIds = List.copyOf(disabledCameraIds);
    }

    /** A config without disabled cameras. */
    public StandaloneConfig(String host, int port, Path dataDir, long maxTotalBytes, long minFreeBytes,
            Duration retentionInterval, List<User> users, List<Token> tokens, List<CameraSettings> cameras,
            List<String> allowedOrigins) {
        this(host, port, dataDir, maxTotalBytes, minFreeBytes, retentionInterval, users, tokens, cameras,
                allowedOrigins, List.of());
    }

    /** A config that allows no other origins than the server's own. */
    public StandaloneConfig(String host, int port, Path dataDir, long maxTotalBytes, long minFreeBytes,
            Duration retentionInterval, List<User> users, List<Token> tokens, List<CameraSettings> cameras) {
        this(host, port, dataDir, maxTotalBytes, minFreeBytes, retentionInterval, users, tokens, cameras, List.of());
    }

    public StandaloneConfig withOverrides(String newHost, Integer newPort, Path newData) {
        return new StandaloneConfig(newHost != null ? newHost : host, newPort != null ? newPort : port,
                newData != null ? newData : dataDir, maxTotalBytes, minFreeBytes, retentionInterval, users, tokens,
                cameras, allowedOrigins, disabledCameraIds);
    }

    public StandaloneConfig withUsersAndCameras(List<User> newUsers, List<CameraSettings> newCameras) {
        return new StandaloneConfig(host, port, dataDir, maxTotalBytes, minFreeBytes, retentionInterval, newUsers,
                tokens, newCameras, allowedOrigins, disabledCameraIds);
    }
}
