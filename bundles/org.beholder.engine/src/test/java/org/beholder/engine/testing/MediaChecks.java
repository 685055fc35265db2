package org.beholder.engine.testing;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.beholder.engine.internal.gst.GstRuntime;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.elements.AppSink;

/** Decodes recorded media with a real GStreamer pipeline. */
public final class MediaChecks {
    private MediaChecks() {
    }

    /** Decodes every frame of a TS file; returns the number of decoded frames, or throws on any error. */
    public static int decodeFrames(Path tsFile) throws InterruptedException {
        AtomicInteger frames = new AtomicInteger();
        runToEnd("filesrc location=\"" + tsFile + "\" ! tsdemux ! h264parse ! avdec_h264"
                + " ! appsink name=out sync=false emit-signals=true", frames);
        return frames.get();
    }

    /**
     * Runs a pipeline until end of stream and throws on any error. If it has an appsink named "out", its samples
     * are counted into {@code samples}.
     */
    public static void runToEnd(String description, AtomicInteger samples) throws InterruptedException {
        GstRuntime.ensureInitialised();
        Pipeline pipeline = (Pipeline) Gst.parseLaunch(description);
        AtomicReference<String> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        if (pipeline.getElementByName("out") instanceof AppSink sink) {
            sink.connect((AppSink.NEW_SAMPLE) s -> {
                s.pullSample().dispose();
                samples.incrementAndGet();
                return FlowReturn.OK;
            });
        }
        pipeline.getBus().connect((Bus.EOS) source -> done.countDown());
        pipeline.getBus().connect((Bus.ERROR) (source, code, message) -> {
            error.set(message);
            done.countDown();
        });
        pipeline.play();
        boolean finished = done.await(60, TimeUnit.SECONDS);
        pipeline.setState(State.NULL);
        pipeline.dispose();
        if (!finished || error.get() != null) {
            throw new AssertionError("pipeline '" + description + "' failed: " + (finished ? error.get() : "timeout"));
        }
    }
}
