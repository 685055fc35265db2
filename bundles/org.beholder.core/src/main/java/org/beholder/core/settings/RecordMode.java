package org.beholder.core.settings;

/** When a camera records. */
public enum RecordMode {
    /** Recordings start on the triggers the settings name (motion, object classes) and on request. */
    EVENTS,
    /** Always, in recordings that end at the top of every hour. */
    CONTINUOUS,
    /** Only when a user, a rule or the API asks. */
    MANUAL
}
