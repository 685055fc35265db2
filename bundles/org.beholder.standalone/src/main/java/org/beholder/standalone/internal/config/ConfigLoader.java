package org.beholder.standalone.internal.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelConfig;
import org.beholder.engine.Redaction;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code beholder.yml}. Every mistake stops start-up with a {@link ConfigException} whose message names the
 * file, the line and the key, with camera credentials masked (see {@link ConfigSecrets}); nothing else escapes.
 */
public final class ConfigLoader {
    private static final Set<String> TOP_KEYS = Set.of("server", "data", "storage", "users", "tokens", "channels");
    static final long DEFAULT_MIN_FREE_BYTES = 512 * Numbers.MB;
    /** 10 TiB: more than anyone keeps free, small enough that the bytes fit a long many times over. */
    static final long MAX_MIN_FREE_MB = 10L << 20;
    static final Duration DEFAULT_RETENTION_INTERVAL = Duration.ofMinutes(1);
    /** Retention walks every channel's folder; more often than each second only costs disk reads. */
    static final Duration MIN_RETENTION_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_RETENTION_INTERVAL = Duration.ofDays(1);

    private final String file;

    private ConfigLoader(String file) {
        this.file = file;
    }

    public static StandaloneConfig load(Path path) throws ConfigException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException(Redaction.redact("cannot read " + path + ": " + e.getMessage()));
        }
        return new ConfigLoader(name).read(bytes, path.toAbsolutePath().getParent());
    }

    public static StandaloneConfig parse(String name, Reader reader, Path baseDir) throws ConfigException {
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new ConfigException(Redaction.redact("cannot read " + name + ": " + e.getMessage()));
        }
        return new ConfigLoader(name).read(text.toString().getBytes(StandardCharsets.UTF_8), baseDir);
    }

    private StandaloneConfig read(byte[] bytes, Path baseDir) throws ConfigException {
        ConfigSecrets secrets = ConfigSecrets.in(new String(bytes, StandardCharsets.UTF_8));
        try {
            Node root = YamlDocument.of(file, bytes).compose();
            if (root == null) {
                return defaults(baseDir);
            }
            ConfigSection top = ConfigSection.root(file, root);
            for (ConfigSection channel : top.list("channels")) {
                secrets = secrets.with(channel.string("password", null));
            }
            return read(top, baseDir);
        } catch (ConfigException e) {
            throw new ConfigException(secrets.mask(e.getMessage()));
        }
    }

    private StandaloneConfig read(ConfigSection top, Path baseDir) throws ConfigException {
        top.allowOnly(TOP_KEYS);
        ConfigSection server = top.section("server");
        server.allowOnly(Set.of("host", "port", "allowedOrigins"));
        ConfigSection storage = top.section("storage");
        storage.allowOnly(Set.of("maxTotalGB", "minFreeMB", "retentionInterval"));
        ChannelReader.Channels channels = ChannelReader.read(top.list("channels"));
        return new StandaloneConfig(host(server), server.integer("port", StandaloneConfig.DEFAULT_PORT, 1, 65535),
                dataDir(top, baseDir), storage.bytes("maxTotalGB", 0, Numbers.GB, ChannelReader.MAX_GB),
                storage.bytes("minFreeMB", DEFAULT_MIN_FREE_BYTES, Numbers.MB, MAX_MIN_FREE_MB),
                storage.duration("retentionInterval", DEFAULT_RETENTION_INTERVAL, MIN_RETENTION_INTERVAL,
                        MAX_RETENTION_INTERVAL),
                users(top), tokens(top), channels.enabled(), allowedOrigins(server), channels.disabledIds());
    }

    private static StandaloneConfig defaults(Path baseDir) {
        return new StandaloneConfig(StandaloneConfig.DEFAULT_HOST, StandaloneConfig.DEFAULT_PORT,
                baseDir.resolve("data"), 0, DEFAULT_MIN_FREE_BYTES, DEFAULT_RETENTION_INTERVAL, List.of(), List.of(),
                List.of());
    }

    private static String host(ConfigSection server) throws ConfigException {
        String host = server.string("host", StandaloneConfig.DEFAULT_HOST).trim();
        if (host.isEmpty() || !host.matches("[\\p{Alnum}.:\\[\\]%_-]+")) {
            throw server.error("host", "must be an address or host name such as 127.0.0.1 or 0.0.0.0, was "
                    + Values.quote(host));
        }
        return host;
    }

    private static List<String> allowedOrigins(ConfigSection server) throws ConfigException {
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : server.stringList("allowedOrigins")) {
            try {
                origins.add(Origins.normalise(origin));
            } catch (IllegalArgumentException e) {
                throw server.error("allowedOrigins", e.getMessage());
            }
        }
        return List.copyOf(origins);
    }

    private static Path dataDir(ConfigSection top, Path baseDir) throws ConfigException {
        String data = top.string("data", "data");
        try {
            return baseDir.resolve(data).normalize();
        } catch (InvalidPathException e) {
            throw top.error("data", "is not a valid folder name, was " + Values.quote(data));
        }
    }

    private static List<StandaloneConfig.User> users(ConfigSection top) throws ConfigException {
        List<StandaloneConfig.User> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigSection user : top.list("users")) {
            user.allowOnly(Set.of("name", "password", "role"));
            String name = user.requiredString("name");
            String hash = user.requiredString("password");
            if (!hash.startsWith("pbkdf2-sha256:")) {
                throw user.error("password", "must be a hash made by 'java -jar beholder.jar --hash-password'");
            }
            if (!names.add(name)) {
                throw user.error("name", "user " + Values.quote(name) + " is listed twice");
            }
            String role = user.string("role", "admin");
            if (!role.equals("admin") && !role.equals("viewer")) {
                throw user.error("role", "must be 'admin' or 'viewer', was " + Values.quote(role));
            }
            users.add(new StandaloneConfig.User(name, hash, role.equals("admin")));
        }
        return users;
    }

    private static List<StandaloneConfig.Token> tokens(ConfigSection top) throws ConfigException {
        List<StandaloneConfig.Token> tokens = new ArrayList<>();
        for (ConfigSection token : top.list("tokens")) {
            token.allowOnly(Set.of("name", "sha256"));
            String sha = token.requiredString("sha256").trim().toLowerCase(Locale.ROOT);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw token.error("sha256", "must be 64 hex digits (sha256sum of the token)");
            }
            tokens.add(new StandaloneConfig.Token(token.requiredString("name"), sha));
        }
        return tokens;
    }
}
