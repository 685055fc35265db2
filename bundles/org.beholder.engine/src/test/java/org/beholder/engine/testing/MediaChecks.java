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
        GstRuntime.ensureInitialised();
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("filesrc location=\"" + tsFile + "\" ! tsdemux ! h264parse"
                + " ! avdec_h264 ! appsink name=out sync=false emit-signals=true");
        AtomicInteger frames = new AtomicInteger();
        AtomicReference<String> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        AppSink sink = (AppSink) pipeline.getElementByName("out");
        sink.connect((AppSink.NEW_SAMPLE) s -> {
            s.pullSample().dispose();
            frames.incrementAndGet();
            return FlowReturn.OK;
        });
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
            throw new AssertionError("decoding " + tsFile + " failed: " + (finished ? error.get() : "timeout"));
        }
        return frames.get();
    }

}
