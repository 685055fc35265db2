package org.beholder.core.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.beholder.analytics.CocoClasses;
import org.beholder.analytics.Zone;

/**
 * The one place the rules for {@link CameraSettings} live. Both hosts show its messages: the standalone with the
 * file, line and YAML key, openHAB in the Thing status with the parameter name. Messages never quote a URL or a
 * password (a URL may carry a secret).
 */
public final class CameraSettingsValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "file", "test");
    /** A DNS name, an IPv4 address or a bracket-less IPv6 address: no scheme, path, port or credentials. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45}");
    /** The pre-roll lives in RAM; the ring also caps it by bytes (64 MiB). */
    public static final Duration MAX_PRE_ROLL = Duration.ofMinutes(2);
    public static final Duration MAX_POST_ROLL = Duration.ofHours(1);
    public static final Duration MIN_STALL_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_STALL_TIMEOUT = Duration.ofMinutes(10);
    public static final int MIN_ANALYTICS_WIDTH = 16;
    public static final int MAX_ANALYTICS_WIDTH = 1920;
    public static final int MAX_RETENTION_DAYS = 36_500;
    /** 1 PB: larger than any disk, small enough that no sum of sizes overflows. */
    public static final long MAX_RETENTION_BYTES = 1_000_000_000_000_000L;
    public static final Duration MAX_MOTION_HOLD = Duration.ofHours(1);
    public static final Duration MIN_OBJECT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_OBJECT_INTERVAL = Duration.ofDays(1);

    private final List<SettingProblem> problems = new ArrayList<>();

    private CameraSettingsValidator() {
    }

    /** Every problem of the settings, in the order of the record's components; empty when they are fine. */
    public static List<SettingProblem> problems(CameraSettings settings) {
        CameraSettingsValidator validator = new CameraSettingsValidator();
        validator.check(settings);
        return List.copyOf(validator.problems);
    }

    /** @throws InvalidSettingsException naming the first problem (with the component name) */
    public static CameraSettings requireValid(CameraSettings settings) {
        List<SettingProblem> found = problems(settings);
        if (!found.isEmpty()) {
            throw new InvalidSettingsException(found);
        }
        return settings;
    }

    private void check(CameraSettings s) {
        if (s.id() == null || !ID.matcher(s.id()).matches()) {
            problem("id", "must be 1-64 letters, digits, '-' or '_', starting with a letter or digit"
                    + (s.id() == null ? "" : ", was '" + s.id() + "'"));
        }
        if (s.usesOnvif()) {
            onvif(s);
        }
        if (!(s.usesOnvif() && s.url().isBlank())) { // with ONVIF and no URL, ONVIF finds the stream
            url(s.url());
        }
        if (s.transport() == null) {
            problem("transport", "must be tcp or udp");
        }
        within("preRoll", s.preRoll(), Duration.ofMillis(1), MAX_PRE_ROLL);
        within("postRoll", s.postRoll(), Duration.ofMillis(1), MAX_POST_ROLL);
        within("stallTimeout", s.stallTimeout(), MIN_STALL_TIMEOUT, MAX_STALL_TIMEOUT);
        if (s.analyticsWidth() < MIN_ANALYTICS_WIDTH || s.analyticsWidth() > MAX_ANALYTICS_WIDTH) {
            problem("analyticsWidth", "must be between " + MIN_ANALYTICS_WIDTH + " and " + MAX_ANALYTICS_WIDTH
                    + " pixels, was " + s.analyticsWidth());
        }
        classNames("objectClasses", s.objectClasses());
        classNames("recordOnClasses", s.recordOnClasses());
        recording(s);
        if (s.retentionDays() < 0 || s.retentionDays() > MAX_RETENTION_DAYS) {
            problem("retentionDays", "must be between 0 and " + MAX_RETENTION_DAYS + ", was " + s.retentionDays());
        }
        if (s.retentionBytes() < 0 || s.retentionBytes() > MAX_RETENTION_BYTES) {
            problem("retentionBytes", "must be between 0 and 1 PB, was " + s.retentionBytes() + " bytes");
        }
        if (!(s.motionThreshold() > 0 && s.motionThreshold() < 1)) {
            problem("motionThreshold", "must be between 0 and 1 (exclusive), was " + s.motionThreshold());
        }
        within("motionHold", s.motionHold(), Duration.ZERO, MAX_MOTION_HOLD);
        zones(s.zones());
        within("objectInterval", s.objectInterval(), MIN_OBJECT_INTERVAL, MAX_OBJECT_INTERVAL);
        if (!(s.objectMinScore() >= 0 && s.objectMinScore() <= 1)) {
            problem("objectMinScore", "must be between 0 and 1, was " + s.objectMinScore());
        }
    }

    private void onvif(CameraSettings s) {
        if (!HOST.matcher(s.onvifHost()).matches()) {
            problem("onvifHost", "must be a host name or address such as 192.168.1.20 or camera.local, was '"
                    + s.onvifHost() + "'");
        }
        if (s.onvifPort() < 1 || s.onvifPort() > 65535) {
            problem("onvifPort", "must be between 1 and 65535, was " + s.onvifPort());
        }
    }

    private void url(String url) {
        if (url == null || url.isBlank()) {
            problem("url", "is required (rtsp://host[:port]/path), or give the camera's ONVIF address instead");
            return;
        }
        String trimmed = url.trim();
        if (trimmed.equals("test:")) {
            return;
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) { // its message quotes the whole input: say where instead
            problem("url", "is not a valid URL: " + e.getReason() + " at character " + (e.getIndex() + 1));
            return;
        }
        // before looking at the host: a host the URI class cannot parse (e.g. "bad_host") leaves the user-info
        // inside a registry-based authority, where getUserInfo() does not see it
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || authority != null && authority.contains("@")) {
            problem("url", "must not contain credentials: give username and password separately");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            problem("url", "must start with rtsp://, rtsps://, file:// or test:");
        } else if (scheme.startsWith("rtsp") && uri.getHost() == null) {
            problem("url", "has no valid host name (rtsp://host[:port]/path)");
        }
    }

    private void recording(CameraSettings s) {
        if (s.recordMode() == null) {
            problem("recordMode", "must be events, continuous or manual");
            return;
        }
        if (s.recordMode() != RecordMode.EVENTS || s.recordOnClasses().isEmpty()) {
            return;
        }
        if (!s.objects()) {
            problem("recordOnClasses", "records on object classes (" + String.join(", ", new TreeSet<>(
                    s.recordOnClasses())) + ") but object detection is off: turn objects on");
            return;
        }
        if (!allKnown(s.recordOnClasses()) || !allKnown(s.objectClasses())) {
            return; // already reported as unknown names
        }
        Set<String> undetected = new TreeSet<>(CocoClasses.expand(s.recordOnClasses()));
        undetected.removeAll(CocoClasses.expand(s.objectClasses()));
        if (!s.objectClasses().isEmpty() && !undetected.isEmpty()) {
            problem("recordOnClasses", "records on classes that are not detected (" + String.join(", ", undetected)
                    + "): add them to objectClasses");
        }
    }

    /** COCO's class names (darknet's spellings and {@code all} are accepted); a typo names the nearest class. */
    private void classNames(String setting, Set<String> names) {
        new TreeSet<>(names).stream().map(CocoClasses::problem).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(message -> problem(setting, message));
    }

    private static boolean allKnown(Set<String> names) {
        return names.stream().allMatch(name -> CocoClasses.problem(name).isEmpty());
    }

    private void zones(List<Zone> zones) {
        Set<String> names = new HashSet<>();
        for (Zone zone : zones) {
            if (zone.name() == null || zone.name().isBlank()) {
                problem("zones", "every zone needs a name");
            } else if (zone.name().equals(Zone.WHOLE_PICTURE)) {
                problem("zones", "'" + Zone.WHOLE_PICTURE + "' is the name of the whole picture; choose another");
            } else if (!names.add(zone.name())) {
                problem("zones", "zone '" + zone.name() + "' is listed twice");
            }
        }
    }

    private void within(String setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problem(setting, "must be between " + describe(min) + " and " + describe(max)
                    + (value == null ? "" : ", was " + describe(value)));
        }
    }

    /** A duration as people write it: 500 ms, 10 s, 5 min, 2 h, 1 d. */
    static String describe(Duration value) {
        long millis = value.toMillis();
        if (millis % 1000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    private void problem(String setting, String message) {
        problems.add(new SettingProblem(setting, message));
    }
}
