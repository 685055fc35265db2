package org.beholder.standalone.internal.config;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.beholder.core.settings.CameraSettings;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One channel entry sent as JSON by the page, read exactly as an entry of {@code channels:} in beholder.yml
 * (JSON is YAML): the same keys, the same conversions and core's validator's messages. The message names the key
 * alone ({@code url: must start with rtsp://…}), with the entry's password masked.
 */
public final class ChannelJson {
    private static final String SOURCE = "request";
    private static final Pattern POSITION = Pattern.compile("^" + SOURCE + " line \\d+: ");

    /** The settings of a valid entry and whether the camera runs ({@code enabled}, default true). */
    public record Entry(CameraSettings settings, boolean enabled) {
    }

    private ChannelJson() {
    }

    /** @throws ConfigException with a message fit for the client, which never contains the entry's password */
    public static Entry read(String json) throws ConfigException {
        ConfigSecrets secrets = ConfigSecrets.in(json);
        try {
            Node root = YamlDocument.of(SOURCE, json.getBytes(StandardCharsets.UTF_8)).compose();
            if (root == null) {
                throw new ConfigException(SOURCE + " line 1: the entry is empty");
            }
            ConfigSection entry = ConfigSection.root(SOURCE, root);
            secrets = secrets.with(entry.string("password", null));
            CameraSettings settings = ChannelReader.camera(entry);
            return new Entry(settings, ChannelReader.enabled(entry));
        } catch (ConfigException e) {
            throw new ConfigException(POSITION.matcher(secrets.mask(e.getMessage())).replaceFirst(""));
        }
    }
}
