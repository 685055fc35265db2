package org.beholder.standalone.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.beholder.analytics.AnalyticsConfig;
import org.beholder.engine.ChannelConfig;

/**
 * Everything {@code beholder.yml} says; see docs/reference/standalone-config.md for every key and its default.
 *
 * @param allowedOrigins origins ({@code scheme://host[:port]}, as browsers send them) besides the server's own
 *                       whose pages may make state-changing requests and open WebSockets
 */
public record StandaloneConfig(String host, int port, Path dataDir, long maxTotalBytes, long minFreeBytes,
        Duration retentionInterval, List<User> users, List<Token> tokens, List<ChannelConfig> channels,
        Map<String, AnalyticsConfig> analytics, List<String> allowedOrigins) {

    /** A user who may log in; {@code passwordHash} as made by {@code --hash-password}. */
    public record User(String name, String passwordHash) {
    }

    /** An API token, stored only as the SHA-256 of the token (hex). */
    public record Token(String name, String sha256) {
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public StandaloneConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** A config that allows no other origins than the server's own. */
    public StandaloneConfig(String host, int port, Path dataDir, long maxTotalBytes, long minFreeBytes,
            Duration retentionInterval, List<User> users, List<Token> tokens, List<ChannelConfig> channels,
            Map<String, AnalyticsConfig> analytics) {
        this(host, port, dataDir, maxTotalBytes, minFreeBytes, retentionInterval, users, tokens, channels, analytics,
                List.of());
    }

    public StandaloneConfig withOverrides(String newHost, Integer newPort, Path newData) {
        return new StandaloneConfig(newHost != null ? newHost : host, newPort != null ? newPort : port,
                newData != null ? newData : dataDir, maxTotalBytes, minFreeBytes, retentionInterval, users, tokens,
                channels, analytics, allowedOrigins);
    }

    public StandaloneConfig withUsersAndChannels(List<User> newUsers, List<ChannelConfig> newChannels,
            Map<String, AnalyticsConfig> newAnalytics) {
        return new StandaloneConfig(host, port, dataDir, maxTotalBytes, minFreeBytes, retentionInterval, newUsers,
                tokens, newChannels, newAnalytics, allowedOrigins);
    }

    /** A channel's analytics; the defaults when the config says nothing about them. */
    public AnalyticsConfig analyticsOf(String channelId) {
        return analytics.getOrDefault(channelId, AnalyticsConfig.defaults());
    }
}
