package org.openhab.binding.beholder.internal;

import org.openhab.core.thing.ThingTypeUID;

/** Ids of the binding, its thing type and its channels (kebab-case, as openHAB's conventions ask). */
public final class BeholderBindingConstants {
    public static final String BINDING_ID = "beholder";
    public static final ThingTypeUID THING_TYPE_NVR_CHANNEL = new ThingTypeUID(BINDING_ID, "nvr-channel");

    public static final String CHANNEL_MOTION = "motion";
    public static final String CHANNEL_MOTION_LEVEL = "motion-level";
    public static final String CHANNEL_MOTION_EVENT = "motion-event";
    public static final String CHANNEL_OBJECTS = "objects";
    public static final String CHANNEL_OBJECT_EVENT = "object-event";
    public static final String CHANNEL_PERSON_COUNT = "person-count";
    public static final String CHANNEL_QR_CODE = "qr-code";
    public static final String CHANNEL_QR_EVENT = "qr-event";
    public static final String CHANNEL_CAMERA_MOTION = "camera-motion";
    public static final String CHANNEL_TAMPER = "tamper";
    public static final String CHANNEL_CAMERA_EVENT = "camera-event";
    public static final String CHANNEL_PAN = "pan";
    public static final String CHANNEL_TILT = "tilt";
    public static final String CHANNEL_ZOOM = "zoom";
    public static final String CHANNEL_PTZ_PRESET = "ptz-preset";
    public static final String CHANNEL_RECORDING = "recording";
    public static final String CHANNEL_LAST_EVENT = "last-event";
    public static final String CHANNEL_SNAPSHOT = "snapshot";
    public static final String CHANNEL_LIVE_URL = "live-url";

    public static final String EVENT_MOTION_START = "MOTION_START";
    public static final String EVENT_MOTION_STOP = "MOTION_STOP";

    public static final String PROPERTY_CODEC = "codec";
    public static final String PROPERTY_RESOLUTION = "resolution";
    public static final String PROPERTY_FPS = "fps";
    public static final String PROPERTY_GOP = "gop";

    private BeholderBindingConstants() {
    }
}
