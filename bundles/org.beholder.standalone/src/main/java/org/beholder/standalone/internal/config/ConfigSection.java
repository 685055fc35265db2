package org.beholder.standalone.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of the file with the dotted path that leads to it ({@code channels[1]}), read key by key. Every
 * mistake becomes a {@link ConfigException} that names the file, the line of the offending value and its key.
 */
final class ConfigSection {
    private final String file;
    private final String path;
    private final List<NodeTuple> entries;
    private final int line;

    private ConfigSection(String file, String path, List<NodeTuple> entries, int line) {
        this.file = file;
        this.path = path;
        this.entries = entries;
        this.line = line;
    }

    /** The file's top level; {@code root} must be a mapping. */
    static ConfigSection root(String file, Node root) throws ConfigException {
        return of(file, "", root, "the file");
    }

    private static ConfigSection of(String file, String path, Node node, String what) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw new ConfigException(file + " line " + line(node) + ": " + what + " must be a mapping of key: value");
        }
        return new ConfigSection(file, path, mapping.getValue(), line(node));
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    private String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A mistake in the value of {@code name}, or in the whole section when {@code name} is null. */
    ConfigException error(String name, String message) {
        Node at = name == null ? null : valueNode(name);
        return new ConfigException(file + " line " + (at == null ? line : line(at)) + ": "
                + (name == null ? path : key(name)) + ": " + message);
    }

    /** Refuses unknown and repeated keys (the node tree does not check duplicates itself). */
    void allowOnly(Set<String> keys) throws ConfigException {
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : entries) {
            String at = file + " line " + line(tuple.getKeyNode()) + ": ";
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                throw new ConfigException(at + (path.isEmpty() ? "" : path + ": ") + "keys must be plain names");
            }
            String name = scalar.getValue();
            if (!seen.add(name)) {
                throw new ConfigException(at + "key '" + key(name) + "' appears twice");
            }
            if (!keys.contains(name)) {
                throw new ConfigException(at + "unknown key " + Values.quote(key(name)) + " (expected one of "
                        + String.join(", ", new TreeSet<>(keys)) + ")");
            }
        }
    }

    private Node valueNode(String name) {
        for (NodeTuple tuple : entries) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(name)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    boolean has(String name) {
        return valueNode(name) != null;
    }

    /** A nested mapping; an absent one reads as empty, so its keys take their defaults. */
    ConfigSection section(String name) throws ConfigException {
        Node value = valueNode(name);
        return value == null ? new ConfigSection(file, key(name), List.of(), line)
                : of(file, key(name), value, key(name));
    }

    /** A list of mappings ({@code - key: value} items). */
    List<ConfigSection> list(String name) throws ConfigException {
        Node value = valueNode(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(name, "must be a list (lines starting with '- ')");
        }
        List<ConfigSection> out = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            String itemPath = key(name) + "[" + i + "]";
            out.add(of(file, itemPath, sequence.getValue().get(i), itemPath));
        }
        return out;
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

    boolean bool(String name, boolean fallback) throws ConfigException {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(name, "must be true or false, was " + Values.quote(value));
        };
    }

    int integer(String name, int fallback, int min, int max) throws ConfigException {
        String value = string(name, null);
        try {
            return value == null ? fallback : Numbers.whole(value, min, max);
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }

    double decimal(String name, double fallback, double min, double max) throws ConfigException {
        String value = string(name, null);
        try {
            return value == null ? fallback : Numbers.decimal(value, min, max);
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }

    /** A size given in {@code unit}s (GB, MB), in bytes; at most {@code maxUnits}. */
    long bytes(String name, long fallbackBytes, long unit, long maxUnits) throws ConfigException {
        String value = string(name, null);
        try {
            return value == null ? fallbackBytes : Numbers.bytes(value, unit, maxUnits);
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }

    Duration duration(String name, Duration fallback, Duration min, Duration max) throws ConfigException {
        String value = string(name, null);
        try {
            return value == null ? fallback : Durations.parse(value, min, max);
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }
}
