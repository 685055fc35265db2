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
    /** Set once the buffer layout was checked: null when it matched. */
    private static boolean layoutChecked;
    private static IllegalStateException layoutProblem;

    private GstRuntime() {
    }

    /**
     * Initialises GStreamer if needed, and checks once that Beholder reads its buffers right
     * ({@link BufferLists#verifyLayout()}).
     *
     * @throws IllegalStateException with an install hint when the native libraries cannot be loaded, or naming the
     *                               buffer fields this GStreamer lays out differently (every later call too)
     */
    public static synchronized void ensureInitialised() {
        if (!Gst.isInitialized()) {
            try {
                Gst.init(REQUIRED, "beholder");
            } catch (Throwable e) { // UnsatisfiedLinkError or GstException: both mean "no usable GStreamer"
                throw new IllegalStateException("GStreamer " + REQUIRED + "+ is not available (" + e.getMessage()
                        + "); install gstreamer1.0-plugins-{base,good,bad,ugly} and gstreamer1.0-libav", e);
            }
            logger.info("Using {}", Gst.getVersionString());
        }
        if (!layoutChecked) {
            layoutChecked = true;
            try {
                BufferLists.verifyLayout();
            } catch (IllegalStateException e) {
                logger.error("{}", e.getMessage());
                layoutProblem = e;
            }
        }
        if (layoutProblem != null) {
            throw new IllegalStateException(layoutProblem.getMessage(), layoutProblem);
        }
    }

    public static String versionString() {
        ensureInitialised();
        return Gst.getVersionString();
    }
}
