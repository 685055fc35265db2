package org.beholder.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.beholder.analytics.Polygon;
import org.beholder.analytics.Zone;
import org.junit.jupiter.api.Test;

/** One test per rule of the validator, each asserting the setting named and the message both hosts show. */
class CameraSettingsValidatorTest {
    private static final Polygon SQUARE = Polygon.rectangle(0, 0, 1, 1);

    private static CameraSettings.Builder valid() {
        return CameraSettings.builder("front", "rtsp://camera.local:554/stream").credentials("admin", "secret");
    }

    private static SettingProblem only(CameraSettings settings) {
        List<SettingProblem> problems = CameraSettingsValidator.problems(settings);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static SettingProblem only(UnaryOperator<CameraSettings.Builder> change) {
        return only(change.apply(valid()).build());
    }

    @Test
    void theDefaultsAreValid() {
        assertEquals(List.of(), CameraSettingsValidator.problems(valid().build()));
        assertEquals(List.of(), CameraSettingsValidator.problems(CameraSettings.builder("t", "test:").build()));
    }

    @Test
    void idIsLettersDigitsDashAndUnderscore() {
        assertEquals(new SettingProblem("id", "must be 1-64 letters, digits, '-' or '_', starting with a letter or"
                + " digit, was '-front door'"), only(CameraSettings.builder("-front door", "test:").build()));
    }

    @Test
    void urlIsRequired() {
        assertEquals(new SettingProblem("url", "is required (rtsp://host[:port]/path), or give the camera's ONVIF"
                + " address instead"), only(CameraSettings.builder("front", " ").build()));
        assertEquals(List.of(), CameraSettingsValidator.problems(CameraSettings.builder("front", "")
                .onvif("192.168.1.20", 80, "").build()), "ONVIF finds the stream");
    }

    @Test
    void onvifHostIsAHostNameOrAddress() {
        assertEquals(new SettingProblem("onvifHost", "must be a host name or address such as 192.168.1.20 or"
                + " camera.local, was 'http://cam/onvif'"), only(CameraSettings.builder("front", "")
                        .onvif("http://cam/onvif", 80, "").build()));
    }

    @Test
    void onvifPortIsATcpPort() {
        assertEquals(new SettingProblem("onvifPort", "must be between 1 and 65535, was 0"),
                only(CameraSettings.builder("front", "").onvif("camera.local", 0, "").build()));
    }

    @Test
    void urlMustParseAndSaysWhereItDoesNot() {
        assertEquals(new SettingProblem("url", "is not a valid URL: Illegal character in path at character 22"),
                only(CameraSettings.builder("front", "rtsp://camera.local/a b").build()));
    }

    @Test
    void urlMustNotCarryCredentialsAndTheMessageDoesNotQuoteThem() {
        SettingProblem problem = only(CameraSettings.builder("front", "rtsp://admin:hunter2@camera/x").build());
        assertEquals(new SettingProblem("url", "must not contain credentials: give username and password"
                + " separately"), problem);
        assertFalse(problem.message().contains("hunter2"));
    }

    @Test
    void urlSchemeIsOneBeholderCanOpen() {
        assertEquals(new SettingProblem("url", "must start with rtsp://, rtsps://, file:// or test:"),
                only(CameraSettings.builder("front", "http://camera/video").build()));
    }

    @Test
    void rtspUrlNeedsAHost() {
        assertEquals(new SettingProblem("url", "has no valid host name (rtsp://host[:port]/path)"),
                only(CameraSettings.builder("front", "rtsp:///stream").build()));
    }

    @Test
    void transportIsRequired() {
        assertEquals(new SettingProblem("transport", "must be tcp or udp"), only(b -> b.transport(null)));
    }

    @Test
    void preRollIsPositiveAndFitsTheRing() {
        assertEquals(new SettingProblem("preRoll", "must be between 1 ms and 2 min, was 3 min"),
                only(b -> b.preRoll(Duration.ofMinutes(3))));
        assertEquals(new SettingProblem("preRoll", "must be between 1 ms and 2 min, was 0 s"),
                only(b -> b.preRoll(Duration.ZERO)));
    }

    @Test
    void postRollIsAtMostAnHour() {
        assertEquals(new SettingProblem("postRoll", "must be between 1 ms and 1 h, was 61 min"),
                only(b -> b.postRoll(Duration.ofMinutes(61))));
    }

    @Test
    void stallTimeoutIsOneSecondToTenMinutes() {
        assertEquals(new SettingProblem("stallTimeout", "must be between 1 s and 10 min, was 500 ms"),
                only(b -> b.stallTimeout(Duration.ofMillis(500))));
    }

    @Test
    void analyticsWidthIsSixteenTo1920() {
        assertEquals(new SettingProblem("analyticsWidth", "must be between 16 and 1920 pixels, was 4000"),
                only(b -> b.analyticsWidth(4000)));
    }

    @Test
    void recordModeIsRequired() {
        assertEquals(new SettingProblem("recordMode", "must be events, continuous or manual"),
                only(b -> b.recording(null, true, Set.of())));
    }

    @Test
    void recordingOnObjectClassesNeedsObjectDetection() {
        assertEquals(new SettingProblem("recordOnClasses", "records on object classes (car, person) but object"
                + " detection is off: turn objects on"),
                only(b -> b.recording(RecordMode.EVENTS, false, Set.of("person", "car"))));
    }

    @Test
    void recordingOnAClassThatIsNotDetectedIsRefused() {
        assertEquals(new SettingProblem("recordOnClasses", "records on classes that are not detected (dog): add"
                + " them to objectClasses"), only(b -> b.objects(true, Set.of("person"))
                        .recording(RecordMode.EVENTS, true, Set.of("person", "dog"))));
        assertEquals(List.of(), CameraSettingsValidator.problems(valid().objects(true, Set.of())
                .recording(RecordMode.EVENTS, true, Set.of("dog")).build()), "no class filter: every class counts");
        assertEquals(List.of(), CameraSettingsValidator.problems(valid().recording(RecordMode.CONTINUOUS, false,
                Set.of("dog")).build()), "triggers do not matter when recording continuously");
    }

    @Test
    void objectClassesAreCocoNamesAndATypoNamesTheNearest() {
        assertEquals(new SettingProblem("objectClasses", "unknown object class 'persn' (did you mean 'person'?)"),
                only(b -> b.objects(true, Set.of("persn", "car"))));
        assertEquals(List.of(), CameraSettingsValidator.problems(valid().objects(true, Set.of("motorbike", "tv"))
                .recording(RecordMode.EVENTS, false, Set.of("motorcycle")).build()), "darknet's names are known");
        assertEquals(List.of(), CameraSettingsValidator.problems(valid().objects(true, Set.of("all"))
                .recording(RecordMode.EVENTS, false, Set.of("giraffe")).build()), "all detects every class");
    }

    @Test
    void recordOnClassesAreCocoNamesToo() {
        assertEquals(new SettingProblem("recordOnClasses", "unknown object class 'cra' (did you mean 'car'?)"),
                only(b -> b.objects(true, Set.of()).recording(RecordMode.EVENTS, false, Set.of("cra"))));
    }

    @Test
    void retentionDaysIsZeroToHundredYears() {
        assertEquals(new SettingProblem("retentionDays", "must be between 0 and 36500, was -1"),
                only(b -> b.retention(-1, 0)));
    }

    @Test
    void retentionBytesIsZeroToOnePetabyte() {
        assertEquals(new SettingProblem("retentionBytes", "must be between 0 and 1 PB, was -5 bytes"),
                only(b -> b.retention(14, -5)));
    }

    @Test
    void motionThresholdIsStrictlyBetweenZeroAndOne() {
        assertEquals(new SettingProblem("motionThreshold", "must be between 0 and 1 (exclusive), was 1.0"),
                only(b -> b.motion(true, 1.0, Duration.ofSeconds(5))));
        assertEquals(new SettingProblem("motionThreshold", "must be between 0 and 1 (exclusive), was NaN"),
                only(b -> b.motion(true, Double.NaN, Duration.ofSeconds(5))));
    }

    @Test
    void motionHoldIsAtMostAnHour() {
        assertEquals(new SettingProblem("motionHold", "must be between 0 s and 1 h, was 2 h"),
                only(b -> b.motion(true, 0.02, Duration.ofHours(2))));
    }

    @Test
    void zoneNamesAreUniqueAndNotTheWholePicturesName() {
        assertEquals(new SettingProblem("zones", "zone 'door' is listed twice"),
                only(b -> b.regions(List.of(new Zone("door", SQUARE), new Zone("door", SQUARE)), List.of())));
        assertEquals(new SettingProblem("zones", "'all' is the name of the whole picture; choose another"),
                only(b -> b.regions(List.of(new Zone("all", SQUARE)), List.of())));
        assertEquals(new SettingProblem("zones", "every zone needs a name"),
                only(b -> b.regions(List.of(new Zone(" ", SQUARE)), List.of())));
    }

    @Test
    void objectIntervalIsOneSecondToOneDay() {
        assertEquals(new SettingProblem("objectInterval", "must be between 1 s and 1 d, was 2 d"),
                only(b -> b.objectSchedule(Duration.ofDays(2), 0.5)));
    }

    @Test
    void objectMinScoreIsZeroToOne() {
        assertEquals(new SettingProblem("objectMinScore", "must be between 0 and 1, was 1.5"),
                only(b -> b.objectSchedule(Duration.ofSeconds(30), 1.5)));
    }

    @Test
    void everyProblemIsReportedAndRequireValidNamesTheFirst() {
        CameraSettings bad = valid().preRoll(Duration.ZERO).analyticsWidth(1).build();
        assertEquals(List.of("preRoll", "analyticsWidth"), CameraSettingsValidator.problems(bad).stream()
                .map(SettingProblem::setting).toList());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> CameraSettingsValidator.requireValid(bad));
        assertEquals("preRoll must be between 1 ms and 2 min, was 0 s", e.getMessage());
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertFalse(valid().build().toString().contains("secret"));
    }
}
