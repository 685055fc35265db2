package org.beholder.core.settings;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.beholder.analytics.Polygon;
import org.beholder.analytics.Zone;
import org.beholder.engine.Transport;

/**
 * Everything one camera is configured with, whichever host it came from: the YAML file and the openHAB Thing
 * configuration are translated into this record, checked by {@link CameraSettingsValidator} and handed to
 * {@code Beholder.addCamera}. Component names are the setting names of docs/reference/settings.md. Build with
 * {@link #builder(String, String)}, whose defaults are the documented ones; the record itself checks nothing, so
 * that the validator can report every problem with the host's key name. Outside {@link RecordMode#EVENTS} the
 * triggers are cleared, so that settings which record the same are equal.
 *
 * @param url             the stream; may be empty when {@code onvifHost} is given (ONVIF finds it)
 * @param onvifHost       the camera's ONVIF address (empty = no ONVIF): stream, device information, camera events
 * @param onvifPort       the ONVIF HTTP port (80 by default)
 * @param onvifProfile    the ONVIF media profile to record, by token or name (empty = the largest)
 * @param recordOnMotion  in {@link RecordMode#EVENTS}: motion starts and extends recordings
 * @param recordOnClasses in {@link RecordMode#EVENTS}: these object classes start and extend recordings
 * @param retentionBytes  0 = no per-camera size limit
 * @param zones           where motion is measured (empty = the whole picture)
 * @param masks           where motion is never measured
 * @param objectClasses   detect only these classes (empty = all)
 * @param objectInterval  how often the detector runs while nothing moves
 */
public record CameraSettings(String id, String label, String url, String username, String password,
        String onvifHost, int onvifPort, String onvifProfile, Transport transport, Duration preRoll, Duration postRoll, Duration stallTimeout, int analyticsWidth,
        RecordMode recordMode, boolean recordOnMotion, Set<String> recordOnClasses, int retentionDays,
        long retentionBytes, boolean motion, double motionThreshold, Duration motionHold, List<Zone> zones,
        List<Polygon> masks, boolean qr, boolean objects, Set<String> objectClasses, Duration objectInterval,
        double objectMinScore) {

    public CameraSettings {
        label = label == null || label.isBlank() ? id : label;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        url = url == null ? "" : url;
        onvifHost = onvifHost == null ? "" : onvifHost.trim();
        onvifProfile = onvifProfile == null ? "" : onvifProfile.trim();
        if (recordMode != RecordMode.EVENTS) { // triggers mean nothing in the other modes: one form for equal settings
            recordOnMotion = false;
            recordOnClasses = Set.of();
        }
        recordOnClasses = Set.copyOf(recordOnClasses);
        zones = List.copyOf(zones);
        masks = List.copyOf(masks);
        objectClasses = Set.copyOf(objectClasses);
    }

    /** Whether the camera is set up (or complemented) through ONVIF. */
    public boolean usesOnvif() {
        return !onvifHost.isEmpty();
    }

    /** The same settings with the stream URL ONVIF found. */
    public CameraSettings withUrl(String streamUrl) {
        return new CameraSettings(id, label, streamUrl, username, password, onvifHost, onvifPort, onvifProfile,
                transport, preRoll, postRoll, stallTimeout, analyticsWidth, recordMode, recordOnMotion,
                recordOnClasses, retentionDays, retentionBytes, motion, motionThreshold, motionHold, zones, masks, qr,
                objects, objectClasses, objectInterval, objectMinScore);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "CameraSettings[id=" + id + ", user=" + (username.isEmpty() ? "-" : username) + ", password="
                + (password.isEmpty() ? "-" : "***") + ", transport=" + transport + ", recordMode=" + recordMode
                + "]";
    }

    public static Builder builder(String id, String url) {
        return new Builder(id, url);
    }

    /**
     * Defaults: TCP, 10 s pre- and post-roll, 10 s stall timeout, 320 px analytics; recording on motion; 14 days
     * kept; motion on (threshold 0.02, 5 s hold) in the whole picture; no QR codes; no object detection (every
     * 30 s while idle, score at least 0.5, all classes).
     */
    public static final class Builder {
        private final String id;
        private final String url;
        private String label;
        private String username = "";
        private String password = "";
        private String onvifHost = "";
        private int onvifPort = 80;
        private String onvifProfile = "";
        private Transport transport = Transport.TCP;
        private Duration preRoll = Duration.ofSeconds(10);
        private Duration postRoll = Duration.ofSeconds(10);
        private Duration stallTimeout = Duration.ofSeconds(10);
        private int analyticsWidth = 320;
        private RecordMode recordMode = RecordMode.EVENTS;
        private boolean recordOnMotion = true;
        private Set<String> recordOnClasses = Set.of();
        private int retentionDays = 14;
        private long retentionBytes;
        private boolean motion = true;
        private double motionThreshold = 0.02;
        private Duration motionHold = Duration.ofSeconds(5);
        private List<Zone> zones = List.of();
        private List<Polygon> masks = List.of();
        private boolean qr;
        private boolean objects;
        private Set<String> objectClasses = Set.of();
        private Duration objectInterval = Duration.ofSeconds(30);
        private double objectMinScore = 0.5;

        private Builder(String id, String url) {
            this.id = id;
            this.url = url;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        public Builder credentials(String user, String pass) {
            username = user;
            password = pass;
            return this;
        }

        /** Set up by ONVIF: the stream is found through the device at {@code host:port}. */
        public Builder onvif(String host, int port, String profile) {
            onvifHost = host;
            onvifPort = port;
            onvifProfile = profile;
            return this;
        }

        public Builder transport(Transport value) {
            transport = value;
            return this;
        }

        public Builder preRoll(Duration value) {
            preRoll = value;
            return this;
        }

        public Builder postRoll(Duration value) {
            postRoll = value;
            return this;
        }

        public Builder stallTimeout(Duration value) {
            stallTimeout = value;
            return this;
        }

        public Builder analyticsWidth(int value) {
            analyticsWidth = value;
            return this;
        }

        /** The mode and, for {@link RecordMode#EVENTS}, its triggers. */
        public Builder recording(RecordMode mode, boolean onMotion, Set<String> onClasses) {
            recordMode = mode;
            recordOnMotion = onMotion;
            recordOnClasses = onClasses;
            return this;
        }

        public Builder retention(int days, long bytes) {
            retentionDays = days;
            retentionBytes = bytes;
            return this;
        }

        public Builder motion(boolean enabled, double threshold, Duration hold) {
            motion = enabled;
            motionThreshold = threshold;
            motionHold = hold;
            return this;
        }

        public Builder regions(List<Zone> newZones, List<Polygon> newMasks) {
            zones = newZones;
            masks = newMasks;
            return this;
        }

        public Builder qr(boolean value) {
            qr = value;
            return this;
        }

        public Builder objects(boolean enabled, Set<String> classes) {
            objects = enabled;
            objectClasses = classes;
            return this;
        }

        public Builder objectSchedule(Duration interval, double minScore) {
            objectInterval = interval;
            objectMinScore = minScore;
            return this;
        }

        public CameraSettings build() {
            return new CameraSettings(id, label, url, username, password, onvifHost, onvifPort, onvifProfile,
                    transport, preRoll, postRoll,
                    stallTimeout, analyticsWidth, recordMode, recordOnMotion, recordOnClasses, retentionDays,
                    retentionBytes, motion, motionThreshold, motionHold, zones, masks, qr, objects, objectClasses,
                    objectInterval, objectMinScore);
        }
    }
}
