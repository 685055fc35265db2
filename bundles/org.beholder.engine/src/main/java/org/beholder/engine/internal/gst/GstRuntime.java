package org.beholder.engine.internal.gst;

import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the system's GStreamer (Debian's 1.22) once per JVM. GStreamer keeps process-wide state, so every
 * pipeline in Beholder goes through this single initialisation; it is never de-initialised while the JVM runs.
 */
public final class GstRuntime {
    private static final Logger logger = LoggerFactory.getLogger(GstRuntime.class);
    private static final Version REQUIRED = new Version(1, 18);

    private GstRuntime() {
    }

    /**
     * Initialises GStreamer if needed.
     *
     * @throws IllegalStateException with an install hint when the native libraries cannot be loaded
     */
    public static synchronized void ensureInitialised() {
        if (Gst.isInitialized()) {
            return;
        }
        try {
            Gst.init(REQUIRED, "beholder");
        } catch (Throwable e) { // UnsatisfiedLinkError or GstException: both mean "no usable GStreamer"
            throw new IllegalStateException("GStreamer " + REQUIRED + "+ is not available (" + e.getMessage()
                    + "); install gstreamer1.0-plugins-{base,good,bad,ugly} and gstreamer1.0-libav", e);
        }
        logger.info("Using {}", Gst.getVersionString());
    }

    public static String versionString() {
        ensureInitialised();
        return Gst.getVersionString();
    }
}
