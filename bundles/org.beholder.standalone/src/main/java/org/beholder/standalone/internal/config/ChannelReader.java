package org.beholder.standalone.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.beholder.analytics.AnalyticsConfig;
import org.beholder.analytics.Polygon;
import org.beholder.analytics.Zone;
import org.beholder.engine.ChannelConfig;
import org.beholder.engine.Transport;

/**
 * The {@code channels:} list: one {@link ChannelConfig} and one {@link AnalyticsConfig} per entry. Bounds are
 * checked here, with the key and line; the engine's own checks (an {@link IllegalArgumentException} from
 * {@link ChannelConfig}) remain as a second line and are turned into the same kind of message.
 */
final class ChannelReader {
    private static final Set<String> KEYS = Set.of("id", "label", "url", "username", "password", "transport",
            "preRoll", "postRoll", "record", "retentionDays", "retentionGB", "stallTimeout", "analyticsWidth",
            "motion", "motionThreshold", "motionHold", "zones", "masks", "qr", "objects", "objectInterval",
            "objectMinScore", "recordOn");
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "file", "test");
    /** The pre-roll lives in RAM (the ring keeps at most 64 MiB, about a minute at 8 Mbit/s). */
    static final Duration MAX_PRE_ROLL = Duration.ofMinutes(1);
    static final Duration MAX_POST_ROLL = Duration.ofHours(1);
    static final Duration MAX_STALL_TIMEOUT = Duration.ofMinutes(10);
    static final Duration MAX_MOTION_HOLD = Duration.ofHours(1);
    static final Duration MAX_OBJECT_INTERVAL = Duration.ofDays(1);
    static final int MAX_RETENTION_DAYS = 36_500;
    /** 1 PB: larger than any disk, small enough that no size overflows. */
    static final long MAX_GB = 1_000_000;
    private static final Duration MILLISECOND = Duration.ofMillis(1);

    private final Map<String, AnalyticsConfig> analytics;
    private final List<ChannelConfig> channels = new ArrayList<>();

    private ChannelReader(Map<String, AnalyticsConfig> analytics) {
        this.analytics = analytics;
    }

    /** Reads every entry; fills {@code analytics} by channel id. */
    static List<ChannelConfig> read(List<ConfigSection> entries, Map<String, AnalyticsConfig> analytics)
            throws ConfigException {
        ChannelReader reader = new ChannelReader(analytics);
        for (ConfigSection entry : entries) {
            reader.channel(entry);
        }
        return List.copyOf(reader.channels);
    }

    private void channel(ConfigSection channel) throws ConfigException {
        channel.allowOnly(KEYS);
        String id = channel.requiredString("id");
        if (analytics.containsKey(id)) {
            throw channel.error("id", "channel " + Values.quote(id) + " is listed twice");
        }
        String record = channel.string("record", "events");
        if (!Set.of("events", "continuous").contains(record)) {
            throw channel.error("record", "must be 'events' or 'continuous', was " + Values.quote(record));
        }
        String transport = channel.string("transport", "tcp").toUpperCase(Locale.ROOT);
        if (!Set.of("TCP", "UDP").contains(transport)) {
            throw channel.error("transport", "must be 'tcp' or 'udp'");
        }
        ChannelConfig.Builder builder = ChannelConfig.builder(id, url(channel))
                .label(channel.string("label", id))
                .credentials(channel.string("username", ""), channel.string("password", ""))
                .transport(Transport.valueOf(transport))
                .preRoll(channel.duration("preRoll", Duration.ofSeconds(10), MILLISECOND, MAX_PRE_ROLL))
                .postRoll(channel.duration("postRoll", Duration.ofSeconds(10), MILLISECOND, MAX_POST_ROLL))
                .stallTimeout(channel.duration("stallTimeout", Duration.ofSeconds(10), Duration.ofSeconds(1),
                        MAX_STALL_TIMEOUT))
                .analyticsWidth(channel.integer("analyticsWidth", 320, 16, 1920))
                .continuous(record.equals("continuous"))
                .retention(channel.integer("retentionDays", 14, 0, MAX_RETENTION_DAYS),
                        channel.bytes("retentionGB", 0, Numbers.GB, MAX_GB));
        AnalyticsConfig channelAnalytics = analytics(channel);
        try {
            channels.add(builder.build());
        } catch (IllegalArgumentException e) {
            throw channel.error(keyNamedIn(e.getMessage()), e.getMessage());
        }
        analytics.put(id, channelAnalytics);
    }

    /**
     * Checked here rather than left to the engine, whose messages repeat the URL: credentials written into it
     * (which the file must not hold) would end up in the message.
     */
    private static String url(ConfigSection channel) throws ConfigException {
        String url = channel.requiredString("url").trim();
        if (url.equals("test:")) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw channel.error("url", "is not a valid URL: " + e.getReason() + " at character " + (e.getIndex() + 1));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw channel.error("url", "must start with rtsp://, rtsps://, file:// or test:");
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || authority != null && authority.contains("@")) {
            throw channel.error("url", "must not contain credentials: give username and password separately");
        }
        if (scheme.startsWith("rtsp") && uri.getHost() == null) {
            throw channel.error("url", "has no valid host name (rtsp://host[:port]/path)");
        }
        return url;
    }

    private static String keyNamedIn(String message) {
        if (message.startsWith("channel id")) {
            return "id";
        }
        return KEYS.stream().filter(key -> message.startsWith(key + " ")).findFirst().orElse(null);
    }

    private static AnalyticsConfig analytics(ConfigSection channel) throws ConfigException {
        AnalyticsConfig defaults = AnalyticsConfig.defaults();
        double threshold = channel.decimal("motionThreshold", defaults.motion().threshold(), 0, 1);
        if (threshold <= 0 || threshold >= 1) {
            throw channel.error("motionThreshold", "must be between 0 and 1 (exclusive), was " + threshold);
        }
        AnalyticsConfig.Motion motion = new AnalyticsConfig.Motion(channel.bool("motion", true), threshold,
                defaults.motion().hysteresis(),
                channel.duration("motionHold", defaults.motion().hold(), Duration.ZERO, MAX_MOTION_HOLD));
        List<Zone> zones = new ArrayList<>();
        for (ConfigSection zone : channel.list("zones")) {
            zone.allowOnly(Set.of("name", "area"));
            zones.add(new Zone(zone.requiredString("name"), polygon(zone, "area", "", zone.requiredString("area"))));
        }
        List<Polygon> masks = new ArrayList<>();
        List<String> maskTexts = channel.stringList("masks");
        for (int i = 0; i < maskTexts.size(); i++) {
            masks.add(polygon(channel, "masks", "mask " + (i + 1) + ": ", maskTexts.get(i)));
        }
        List<String> classes = channel.stringList("objects");
        AnalyticsConfig.Objects objects = new AnalyticsConfig.Objects(!classes.isEmpty(),
                channel.duration("objectInterval", defaults.objects().idleInterval(), Duration.ofSeconds(1),
                        MAX_OBJECT_INTERVAL),
                defaults.objects().maxRate(), channel.decimal("objectMinScore", defaults.objects().minScore(), 0, 1),
                Set.copyOf(classes));
        Set<String> recordOn = new HashSet<>(channel.has("recordOn") ? channel.stringList("recordOn")
                : List.of("motion"));
        boolean onMotion = recordOn.remove("motion");
        return new AnalyticsConfig(motion, zones, masks, channel.bool("qr", false), objects, onMotion, recordOn);
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
