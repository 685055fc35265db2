package org.beholder.standalone.internal.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beholder.analytics.AnalyticsConfig;
import org.beholder.analytics.Polygon;
import org.beholder.analytics.Zone;
import org.beholder.engine.ChannelConfig;
import org.beholder.engine.Transport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code beholder.yml} through SnakeYAML's node tree, so that every mistake names its key and line:
 * unknown keys, wrong types, bad values, duplicate channel ids. Safe loading only (no custom tags, no aliases
 * bombs, no duplicate keys).
 */
public final class ConfigLoader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Set<String> TOP_KEYS = Set.of("server", "data", "storage", "users", "tokens", "channels");

    private final String file;

    private ConfigLoader(String file) {
        this.file = file;
    }

    public static StandaloneConfig load(Path path) throws ConfigException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new ConfigLoader(path.getFileName().toString()).read(reader, path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + e.getMessage());
        }
    }

    public static StandaloneConfig parse(String name, Reader reader, Path baseDir) throws ConfigException {
        return new ConfigLoader(name).read(reader, baseDir);
    }

    private StandaloneConfig read(Reader reader, Path baseDir) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1 << 20);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
                    .compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file + " line " + line + ": " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        if (root == null) {
            return defaults(baseDir);
        }
        Section top = new Section("", mapping(root, "the file"));
        top.allowOnly(TOP_KEYS);
        Section server = top.section("server");
        server.allowOnly(Set.of("host", "port"));
        Section storage = top.section("storage");
        storage.allowOnly(Set.of("maxTotalGB", "minFreeMB", "retentionInterval"));
        String dataValue = top.string("data", "data");
        Path data = baseDir.resolve(dataValue).normalize();
        int port = server.integer("port", StandaloneConfig.DEFAULT_PORT, 1, 65535);
        Map<String, AnalyticsConfig> analytics = new LinkedHashMap<>();
        return new StandaloneConfig(server.string("host", StandaloneConfig.DEFAULT_HOST), port, data,
                (long) (storage.decimal("maxTotalGB", 0) * 1e9), storage.integer("minFreeMB", 512, 0, 1 << 30) << 20,
                storage.duration("retentionInterval", Duration.ofMinutes(1)), users(top), tokens(top),
                channels(top, analytics), analytics);
    }

    private static StandaloneConfig defaults(Path baseDir) {
        return new StandaloneConfig(StandaloneConfig.DEFAULT_HOST, StandaloneConfig.DEFAULT_PORT,
                baseDir.resolve("data"), 0, 512L << 20, Duration.ofMinutes(1), List.of(), List.of(), List.of(),
                Map.of());
    }

    private List<StandaloneConfig.User> users(Section top) throws ConfigException {
        List<StandaloneConfig.User> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section user : top.list("users")) {
            user.allowOnly(Set.of("name", "password"));
            String name = user.requiredString("name");
            String hash = user.requiredString("password");
            if (!hash.startsWith("pbkdf2-sha256:")) {
                throw user.error("password", "must be a hash made by 'java -jar beholder.jar --hash-password'");
            }
            if (!names.add(name)) {
                throw user.error("name", "user '" + name + "' is listed twice");
            }
            users.add(new StandaloneConfig.User(name, hash));
        }
        return users;
    }

    private List<StandaloneConfig.Token> tokens(Section top) throws ConfigException {
        List<StandaloneConfig.Token> tokens = new ArrayList<>();
        for (Section token : top.list("tokens")) {
            token.allowOnly(Set.of("name", "sha256"));
            String sha = token.requiredString("sha256").toLowerCase(Locale.ROOT);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw token.error("sha256", "must be 64 hex digits (sha256sum of the token)");
            }
            tokens.add(new StandaloneConfig.Token(token.requiredString("name"), sha));
        }
        return tokens;
    }

    private List<ChannelConfig> channels(Section top, Map<String, AnalyticsConfig> analytics)
            throws ConfigException {
        List<ChannelConfig> channels = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section channel : top.list("channels")) {
            channel.allowOnly(Set.of("id", "label", "url", "username", "password", "transport", "preRoll",
                    "postRoll", "record", "retentionDays", "retentionGB", "stallTimeout", "analyticsWidth", "motion",
                    "motionThreshold", "motionHold", "zones", "masks", "qr", "objects", "objectInterval",
                    "objectMinScore", "recordOn"));
            String id = channel.requiredString("id");
            if (!ids.add(id)) {
                throw channel.error("id", "channel '" + id + "' is listed twice");
            }
            String record = channel.string("record", "events");
            if (!Set.of("events", "continuous").contains(record)) {
                throw channel.error("record", "must be 'events' or 'continuous', was '" + record + "'");
            }
            String transport = channel.string("transport", "tcp").toUpperCase(Locale.ROOT);
            if (!Set.of("TCP", "UDP").contains(transport)) {
                throw channel.error("transport", "must be 'tcp' or 'udp'");
            }
            try {
                channels.add(ChannelConfig.builder(id, channel.requiredString("url"))
                        .label(channel.string("label", id))
                        .credentials(channel.string("username", ""), channel.string("password", ""))
                        .transport(Transport.valueOf(transport))
                        .preRoll(channel.duration("preRoll", Duration.ofSeconds(10)))
                        .postRoll(channel.duration("postRoll", Duration.ofSeconds(10)))
                        .stallTimeout(channel.duration("stallTimeout", Duration.ofSeconds(10)))
                        .analyticsWidth(channel.integer("analyticsWidth", 320, 16, 1920))
                        .continuous(record.equals("continuous"))
                        .retention(channel.integer("retentionDays", 14, 0, 100_000),
                                (long) (channel.decimal("retentionGB", 0) * 1e9))
                        .build());
            } catch (IllegalArgumentException e) {
                throw channel.error(null, e.getMessage());
            }
            analytics.put(id, analytics(channel));
        }
        return channels;
    }

    private AnalyticsConfig analytics(Section channel) throws ConfigException {
        AnalyticsConfig defaults = AnalyticsConfig.defaults();
        double threshold = channel.decimal("motionThreshold", defaults.motion().threshold());
        if (threshold <= 0 || threshold >= 1) {
            throw channel.error("motionThreshold", "must be between 0 and 1 (exclusive), was " + threshold);
        }
        AnalyticsConfig.Motion motion = new AnalyticsConfig.Motion(channel.bool("motion", true), threshold,
                defaults.motion().hysteresis(), channel.duration("motionHold", defaults.motion().hold()));
        List<Zone> zones = new ArrayList<>();
        for (Section zone : channel.list("zones")) {
            zone.allowOnly(Set.of("name", "area"));
            zones.add(new Zone(zone.requiredString("name"), zone.polygon("area")));
        }
        List<Polygon> masks = new ArrayList<>();
        List<String> maskTexts = channel.stringList("masks");
        for (int i = 0; i < maskTexts.size(); i++) {
            try {
                masks.add(Polygon.parse(maskTexts.get(i)));
            } catch (IllegalArgumentException e) {
                throw channel.error("masks", "mask " + (i + 1) + ": " + e.getMessage());
            }
        }
        List<String> classes = channel.stringList("objects");
        double minScore = channel.decimal("objectMinScore", defaults.objects().minScore());
        if (minScore > 1) {
            throw channel.error("objectMinScore", "must be between 0 and 1");
        }
        AnalyticsConfig.Objects objects = new AnalyticsConfig.Objects(!classes.isEmpty(),
                channel.duration("objectInterval", defaults.objects().idleInterval()), defaults.objects().maxRate(),
                minScore, Set.copyOf(classes));
        List<String> recordOn = channel.has("recordOn") ? channel.stringList("recordOn") : List.of("motion");
        Set<String> recordClasses = new HashSet<>(recordOn);
        boolean onMotion = recordClasses.remove("motion");
        return new AnalyticsConfig(motion, zones, masks, channel.bool("qr", false), objects, onMotion,
                recordClasses);
    }

    private MappingNode mapping(Node node, String what) throws ConfigException {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new ConfigException(file + " line " + line(node) + ": " + what + " must be a mapping of key: value");
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** One mapping of the file, with the dotted path that leads to it, for messages. */
    private final class Section {
        private final String path;
        private final MappingNode node;

        Section(String path, MappingNode node) {
            this.path = path;
            this.node = node;
        }

        private String key(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        ConfigException error(String name, String message) {
            Node at = name == null ? node : valueNode(name);
            return new ConfigException(file + " line " + line(at == null ? node : at) + ": "
                    + (name == null ? path : key(name)) + ": " + message);
        }

        /** Refuses unknown and repeated keys (the node tree does not check duplicates itself). */
        void allowOnly(Set<String> keys) throws ConfigException {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                if (!seen.add(name)) {
                    throw new ConfigException(file + " line " + line(tuple.getKeyNode()) + ": key '" + key(name)
                            + "' appears twice");
                }
                if (!keys.contains(name)) {
                    throw new ConfigException(file + " line " + line(tuple.getKeyNode()) + ": unknown key '" + key(name)
                            + "' (expected one of " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
                }
            }
        }

        private Node valueNode(String name) {
            for (NodeTuple tuple : node.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(name)) {
                    return tuple.getValueNode();
                }
            }
            return null;
        }

        Section section(String name) throws ConfigException {
            Node value = valueNode(name);
            if (value == null) {
                return new Section(key(name), new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, List.of(),
                        org.yaml.snakeyaml.DumperOptions.FlowStyle.AUTO));
            }
            return new Section(key(name), mapping(value, key(name)));
        }

        List<Section> list(String name) throws ConfigException {
            Node value = valueNode(name);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof SequenceNode sequence)) {
                throw error(name, "must be a list (lines starting with '- ')");
            }
            List<Section> out = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                String itemPath = key(name) + "[" + i + "]";
                Node item = sequence.getValue().get(i);
                out.add(new Section(itemPath, mapping(item, itemPath)));
            }
            return out;
        }

        boolean has(String name) {
            return valueNode(name) != null;
        }

        boolean bool(String name, boolean fallback) throws ConfigException {
            String value = string(name, null);
            if (value == null) {
                return fallback;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw error(name, "must be true or false, was '" + value + "'");
            };
        }

        /** A list of plain values; a single value counts as a list of one. */
        List<String> stringList(String name) throws ConfigException {
            Node value = valueNode(name);
            if (value == null) {
                return List.of();
            }
            if (value instanceof ScalarNode scalar) {
                return scalar.getValue().isBlank() ? List.of() : List.of(scalar.getValue());
            }
            if (!(value instanceof SequenceNode sequence)) {
                throw error(name, "must be a list of values");
            }
            List<String> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    throw new ConfigException(file + " line " + line(item) + ": " + key(name)
                            + ": list items must be plain values");
                }
                out.add(scalar.getValue());
            }
            return out;
        }

        Polygon polygon(String name) throws ConfigException {
            try {
                return Polygon.parse(requiredString(name));
            } catch (IllegalArgumentException e) {
                throw error(name, e.getMessage());
            }
        }

        String string(String name, String fallback) throws ConfigException {
            Node value = valueNode(name);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof ScalarNode scalar)) {
                throw error(name, "must be a single value");
            }
            return scalar.getValue();
        }

        String requiredString(String name) throws ConfigException {
            String value = string(name, null);
            if (value == null || value.isBlank()) {
                throw error(name, "is required");
            }
            return value;
        }

        int integer(String name, int fallback, int min, int max) throws ConfigException {
            String value = string(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < min || parsed > max) {
                    throw error(name, "must be between " + min + " and " + max + ", was " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error(name, "must be a whole number, was '" + value + "'");
            }
        }

        double decimal(String name, double fallback) throws ConfigException {
            String value = string(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                double parsed = Double.parseDouble(value.trim());
                if (parsed < 0 || Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                    throw error(name, "must not be negative");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error(name, "must be a number, was '" + value + "'");
            }
        }

        Duration duration(String name, Duration fallback) throws ConfigException {
            String value = string(name, null);
            if (value == null) {
                return fallback;
            }
            Matcher matcher = DURATION.matcher(value.trim());
            if (!matcher.matches()) {
                throw error(name, "must be a duration like 500ms, 10s, 5m, 2h or 1d, was '" + value + "'");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }
}
