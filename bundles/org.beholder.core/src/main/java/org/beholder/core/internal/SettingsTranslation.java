package org.beholder.core.internal;

import java.time.Duration;

import org.beholder.analytics.AnalyticsConfig;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.beholder.engine.ChannelConfig;

/** Camera settings as the engine's and the analytics' own settings. */
public final class SettingsTranslation {
    /** How far below the threshold motion must fall before it may stop (0.5 = half). */
    private static final double MOTION_HYSTERESIS = 0.5;
    /** Detector runs per second at most while motion lasts. */
    private static final double OBJECTS_MAX_RATE = 1.0;

    private SettingsTranslation() {
    }

    public static ChannelConfig channelConfig(CameraSettings s) {
        return ChannelConfig.builder(s.id(), s.url()).label(s.label()).credentials(s.username(), s.password())
                .transport(s.transport()).preRoll(s.preRoll()).postRoll(s.postRoll()).stallTimeout(s.stallTimeout())
                .analyticsWidth(s.analyticsWidth()).continuous(s.recordMode() == RecordMode.CONTINUOUS)
                .retention(s.retentionDays(), s.retentionBytes()).build();
    }

    public static AnalyticsConfig analyticsConfig(CameraSettings s) {
        Duration hold = s.motionHold();
        return new AnalyticsConfig(new AnalyticsConfig.Motion(s.motion(), s.motionThreshold(), MOTION_HYSTERESIS,
                hold), s.zones(), s.masks(), s.qr(), new AnalyticsConfig.Objects(s.objects(), s.objectInterval(),
                        OBJECTS_MAX_RATE, s.objectMinScore(), s.objectClasses()));
    }
}
