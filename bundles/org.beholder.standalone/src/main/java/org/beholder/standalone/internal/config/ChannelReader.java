package org.beholder.standalone.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.beholder.analytics.Polygon;
import org.beholder.analytics.Zone;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.CameraSettingsValidator;
import org.beholder.core.settings.RecordMode;
import org.beholder.core.settings.SettingProblem;
import org.beholder.engine.Transport;

/**
 * The {@code channels:} list, translated into one {@link CameraSettings} per entry. This reader only turns YAML
 * into values (is it a number, a duration, a list?); whether a value makes sense is core's
 * {@link CameraSettingsValidator}'s call, whose message is shown with this file's key and line.
 */
final class ChannelReader {
    private static final Set<String> KEYS = Set.of("id", "label", "url", "username", "password", "transport",
            "preRoll", "postRoll", "record", "retentionDays", "retentionGB", "stallTimeout", "analyticsWidth",
            "motion", "motionThreshold", "motionHold", "zones", "masks", "qr", "objects", "objectInterval",
            "objectMinScore", "recordOn", "onvif", "profile", "enabled");
    /** The YAML key of each {@link CameraSettings} component whose name differs here. */
    static final Map<String, String> YAML_KEYS = Map.of("recordMode", "record", "recordOnMotion", "recordOn",
            "recordOnClasses", "recordOn", "retentionBytes", "retentionGB", "objectClasses", "objects",
            "onvifHost", "onvif", "onvifPort", "onvif", "onvifProfile", "profile");
    /** Durations are parsed up to this; the validator has the real bounds. */
    private static final Duration LONGEST = Duration.ofDays(36_500);
    /** Numbers are parsed up to this; the validator has the real bounds. */
    private static final double ANY_NUMBER = 1e9;
    /** 1 PB: larger than any disk, small enough that no size overflows. */
    static final long MAX_GB = 1_000_000;

    private ChannelReader() {
    }

    /** The cameras to start, and the ids of those the file keeps with {@code enabled: false}. */
    record Channels(List<CameraSettings> enabled, List<String> disabledIds) {
    }

    static Channels read(List<ConfigSection> entries) throws ConfigException {
        List<CameraSettings> cameras = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigSection entry : entries) {
            CameraSettings settings = camera(entry);
            if (!ids.add(settings.id())) {
                throw entry.error("id", "channel " + Values.quote(settings.id()) + " is listed twice");
            }
            if (enabled(entry)) {
                cameras.add(settings);
            } else {
                disabled.add(settings.id());
            }
        }
        return new Channels(List.copyOf(cameras), List.copyOf(disabled));
    }

    /** {@code enabled: false} keeps a camera's settings without starting it. */
    static boolean enabled(ConfigSection channel) throws ConfigException {
        return channel.bool("enabled", true);
    }

    static CameraSettings camera(ConfigSection channel) throws ConfigException {
        channel.allowOnly(KEYS);
        String id = channel.requiredString("id");
        String record = channel.string("record", "events");
        RecordMode mode = switch (record) {
            case "events" -> RecordMode.EVENTS;
            case "continuous" -> RecordMode.CONTINUOUS;
            case "manual" -> RecordMode.MANUAL;
            default -> throw channel.error("record", "must be 'events', 'continuous' or 'manual', was "
                    + Values.quote(record));
        };
        String transport = channel.string("transport", "tcp").toUpperCase(Locale.ROOT);
        if (!Set.of("TCP", "UDP").contains(transport)) {
            throw channel.error("transport", "must be 'tcp' or 'udp'");
        }
        Set<String> recordOn = new HashSet<>(channel.has("recordOn") ? channel.stringList("recordOn")
                : List.of("motion"));
        boolean onMotion = recordOn.remove("motion");
        List<String> classes = channel.stringList("objects");
        CameraSettings defaults = CameraSettings.builder(id, "").build();
        String url = channel.has("url") || !channel.has("onvif") ? channel.requiredString("url").trim() : "";
        OnvifAddress onvif = OnvifAddress.parse(channel);
        CameraSettings settings = CameraSettings.builder(id, url)
                .onvif(onvif.host(), onvif.port(), channel.string("profile", ""))
                .label(channel.string("label", id))
                .credentials(channel.string("username", ""), channel.string("password", ""))
                .transport(Transport.valueOf(transport))
                .preRoll(channel.duration("preRoll", defaults.preRoll(), Duration.ZERO, LONGEST))
                .postRoll(channel.duration("postRoll", defaults.postRoll(), Duration.ZERO, LONGEST))
                .stallTimeout(channel.duration("stallTimeout", defaults.stallTimeout(), Duration.ZERO, LONGEST))
                .analyticsWidth(channel.integer("analyticsWidth", defaults.analyticsWidth(), Integer.MIN_VALUE, Integer.MAX_VALUE))
                .recording(mode, onMotion, recordOn)
                .retention(channel.integer("retentionDays", defaults.retentionDays(), Integer.MIN_VALUE,
                        Integer.MAX_VALUE),
                        channel.bytes("retentionGB", 0, Numbers.GB, MAX_GB))
                .motion(channel.bool("motion", true),
                        channel.decimal("motionThreshold", defaults.motionThreshold(), -ANY_NUMBER, ANY_NUMBER),
                        channel.duration("motionHold", defaults.motionHold(), Duration.ZERO, LONGEST))
                .regions(zones(channel), masks(channel))
                .qr(channel.bool("qr", false))
                .objects(!classes.isEmpty(), Set.copyOf(classes))
                .objectSchedule(channel.duration("objectInterval", defaults.objectInterval(), Duration.ZERO,
                        LONGEST), channel.decimal("objectMinScore", defaults.objectMinScore(), -ANY_NUMBER, ANY_NUMBER))
                .build();
        List<SettingProblem> problems = CameraSettingsValidator.problems(settings);
        if (!problems.isEmpty()) {
            SettingProblem first = problems.get(0);
            throw channel.error(yamlKey(first.setting()), first.message());
        }
        return settings;
    }

    /** The key this file uses for a {@link CameraSettings} component. */
    static String yamlKey(String setting) {
        return YAML_KEYS.getOrDefault(setting, setting);
    }

    /** {@code onvif: "host[:port]"} ({@code [v6 address]:port} for IPv6); no key = no ONVIF. */
    record OnvifAddress(String host, int port) {
        static OnvifAddress parse(ConfigSection channel) throws ConfigException {
            String text = channel.string("onvif", "").trim();
            String host = text;
            String port = "";
            if (text.startsWith("[") && text.contains("]")) {
                host = text.substring(1, text.indexOf(']'));
                String rest = text.substring(text.indexOf(']') + 1);
                port = rest.startsWith(":") ? rest.substring(1) : rest;
            } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                host = text.substring(0, text.indexOf(':'));
                port = text.substring(text.indexOf(':') + 1);
            }
            if (port.isEmpty()) {
                return new OnvifAddress(host, 80);
            }
            if (!port.matches("[0-9]{1,5}")) {
                throw channel.error("onvif", "must be host or host:port, was " + Values.quote(text));
            }
            return new OnvifAddress(host, Integer.parseInt(port));
        }
    }

    private static List<Zone> zones(ConfigSection channel) throws ConfigException {
        List<Zone> zones = new ArrayList<>();
        for (ConfigSection zone : channel.list("zones")) {
            zone.allowOnly(Set.of("name", "area"));
            zones.add(new Zone(zone.requiredString("name"), polygon(zone, "area", "", zone.requiredString("area"))));
        }
        return zones;
    }

    private static List<Polygon> masks(ConfigSection channel) throws ConfigException {
        List<Polygon> masks = new ArrayList<>();
        List<String> maskTexts = channel.stringList("masks");
        for (int i = 0; i < maskTexts.size(); i++) {
            masks.add(polygon(channel, "masks", "mask " + (i + 1) + ": ", maskTexts.get(i)));
        }
        return masks;
    }

    private static Polygon polygon(ConfigSection section, String key, String which, String text)
            throws ConfigException {
        try {
            return Polygon.parse(text);
        } catch (IllegalArgumentException e) {
            throw section.error(key, which + e.getMessage());
        }
    }
}
