package org.openhab.binding.beholder.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.beholder.analytics.AnalyticsConfig;
import org.beholder.analytics.Polygon;
import org.beholder.analytics.Zone;
import org.beholder.engine.ChannelConfig;
import org.beholder.engine.Transport;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The configuration of an NVR Channel thing, filled by {@code getConfigAs}; the parameters are described in
 * {@code OH-INF/thing/thing-types.xml}. {@link #toChannelConfig} and {@link #toAnalyticsConfig} turn it into the
 * engine's and analytics' settings and throw {@link IllegalArgumentException} with a message for the Thing status.
 */
public class NvrChannelConfiguration {
    public String url = "";
    public String username = "";
    public String password = "";
    public String transport = "tcp";
    public int preRoll = 10;
    public int postRoll = 10;
    public String recordMode = "motion";
    public int retentionDays = 14;
    public double retentionGB = 0;
    public double motionThreshold = 0.02;
    /** {@code name=x,y x,y x,y; name2=...}; empty = the whole picture. */
    public String zones = "";
    public boolean qr = false;
    public boolean objects = false;
    public String objectClasses = "person";
    public int snapshotInterval = 10;

    public ChannelConfig toChannelConfig(String channelId, @Nullable String label) {
        if (url.isBlank()) {
            throw new IllegalArgumentException("url is required (rtsp://host:port/path)");
        }
        if (preRoll < 1 || preRoll > 120 || postRoll < 1 || postRoll > 3600) {
            throw new IllegalArgumentException("preRoll must be 1..120 s and postRoll 1..3600 s");
        }
        Transport chosen = switch (transport.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Transport.TCP;
            case "udp" -> Transport.UDP;
            default -> throw new IllegalArgumentException("transport must be tcp or udp, was '" + transport + "'");
        };
        mode(); // validates recordMode
        return ChannelConfig.builder(channelId, url.trim()).label(label).credentials(username, password)
                .transport(chosen).preRoll(Duration.ofSeconds(preRoll)).postRoll(Duration.ofSeconds(postRoll))
                .continuous(mode().equals("continuous")).retention(retentionDays, (long) (retentionGB * 1e9)).build();
    }

    public AnalyticsConfig toAnalyticsConfig() {
        AnalyticsConfig defaults = AnalyticsConfig.defaults();
        if (motionThreshold <= 0 || motionThreshold >= 1) {
            throw new IllegalArgumentException("motionThreshold must be between 0 and 1, was " + motionThreshold);
        }
        Set<String> classes = new HashSet<>(Arrays.stream(objectClasses.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        String mode = mode();
        return new AnalyticsConfig(new AnalyticsConfig.Motion(true, motionThreshold, 0.5, Duration.ofSeconds(5)),
                parseZones(zones), List.of(), qr,
                new AnalyticsConfig.Objects(objects, Duration.ofSeconds(30), 1.0, 0.5, classes),
                mode.equals("motion"), mode.equals("objects") ? classes : Set.of());
    }

    private String mode() {
        String mode = recordMode.toLowerCase(Locale.ROOT);
        if (!Set.of("motion", "objects", "continuous", "manual").contains(mode)) {
            throw new IllegalArgumentException("recordMode must be motion, objects, continuous or manual, was '"
                    + recordMode + "'");
        }
        return mode;
    }

    static List<Zone> parseZones(String text) {
        List<Zone> out = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("zones are 'name=x,y x,y x,y' separated by ';', was '"
                        + entry.trim() + "'");
            }
            out.add(new Zone(entry.substring(0, eq).trim(), Polygon.parse(entry.substring(eq + 1))));
        }
        return out;
    }
}
