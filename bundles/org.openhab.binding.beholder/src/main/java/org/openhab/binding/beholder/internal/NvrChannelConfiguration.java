package org.openhab.binding.beholder.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.eclipse.jdt.annotation.Nullable;

/**
 * The configuration of an NVR Channel thing, filled by {@code getConfigAs}; the parameters are described in
 * {@code OH-INF/thing/thing-types.xml}. {@link #toCameraSettings} translates it into core's {@link CameraSettings}
 * and checks them with core's validator: a problem becomes an {@link IllegalArgumentException} whose message, for
 * the Thing status, names this Thing's parameter. What openHAB does not offer keeps core's default.
 */
public class NvrChannelConfiguration {
    /** The Thing parameter of each {@link CameraSettings} component whose name differs here. */
    static final Map<String, String> PARAMETERS = Map.of("recordOnMotion", "recordMode", "recordOnClasses",
            "recordMode", "retentionBytes", "retentionGB", "id", "thing id");

    public String url = "";
    public String username = "";
    public String password = "";
    public String onvifHost = "";
    public int onvifPort = 80;
    public String onvifProfile = "";
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

    /** @throws IllegalArgumentException with a message for the Thing status */
    public CameraSettings toCameraSettings(String thingId, @Nullable String label) {
        Transport chosen = switch (transport.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Transport.TCP;
            case "udp" -> Transport.UDP;
            default -> throw new IllegalArgumentException("transport must be tcp or udp, was '" + transport + "'");
        };
        Set<String> classes = Set.copyOf(Arrays.stream(objectClasses.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        CameraSettings.Builder builder = CameraSettings.builder(thingId, url.trim()).label(label)
                .credentials(username, password).onvif(onvifHost, onvifPort, onvifProfile).transport(chosen).preRoll(Duration.ofSeconds(preRoll))
                .postRoll(Duration.ofSeconds(postRoll)).retention(retentionDays, Math.round(retentionGB * 1e9))
                .motion(true, motionThreshold, CameraSettings.builder(thingId, "").build().motionHold())
                .regions(parseZones(zones), List.of()).qr(qr)
                .objects(objects, objects ? classes : Set.of()); // the class filter means nothing without detection
        switch (recordMode.toLowerCase(Locale.ROOT)) {
            case "motion" -> builder.recording(RecordMode.EVENTS, true, Set.of());
            case "objects" -> builder.recording(RecordMode.EVENTS, false, classes);
            case "continuous" -> builder.recording(RecordMode.CONTINUOUS, false, Set.of());
            case "manual" -> builder.recording(RecordMode.MANUAL, false, Set.of());
            default -> throw new IllegalArgumentException("recordMode must be motion, objects, continuous or manual,"
                    + " was '" + recordMode + "'");
        }
        CameraSettings settings = builder.build();
        List<SettingProblem> problems = CameraSettingsValidator.problems(settings);
        if (!problems.isEmpty()) {
            SettingProblem first = problems.get(0);
            throw new IllegalArgumentException(first.describe(parameter(first.setting())));
        }
        return settings;
    }

    /** The Thing parameter for a {@link CameraSettings} component. */
    static String parameter(String setting) {
        return PARAMETERS.getOrDefault(setting, setting);
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
            try {
                out.add(new Zone(entry.substring(0, eq).trim(), Polygon.parse(entry.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("zones: " + e.getMessage());
            }
        }
        return out;
    }
}
