package org.beholder.engine.internal.gst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.beholder.engine.internal.ts.TsInspector;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.elements.AppSink;
import org.junit.jupiter.api.Test;

class GstRuntimeTest {

    @Test
    void loadsDebianGStreamerAndMuxesValidTransportStream() throws Exception {
        assertTrue(GstRuntime.versionString().startsWith("GStreamer 1."), GstRuntime.versionString());

        Pipeline pipeline = (Pipeline) Gst.parseLaunch("videotestsrc num-buffers=45 pattern=ball"
                + " ! video/x-raw,width=320,height=240,framerate=15/1"
                + " ! x264enc key-int-max=15 tune=zerolatency speed-preset=ultrafast option-string=scenecut=0"
                + " ! h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au"
                + " ! mpegtsmux ! appsink name=sink sync=false");
        AppSink sink = (AppSink) pipeline.getElementByName("sink");
        ByteArrayOutputStream ts = new ByteArrayOutputStream();
        CountDownLatch done = new CountDownLatch(1);
        sink.set("emit-signals", true);
        sink.connect((AppSink.NEW_SAMPLE) element -> {
            Sample sample = element.pullSample();
            Buffer buffer = sample.getBuffer();
            ByteBuffer bytes = buffer.map(false);
            byte[] chunk = new byte[bytes.remaining()];
            bytes.get(chunk);
            buffer.unmap();
            sample.dispose();
            synchronized (ts) {
                ts.write(chunk, 0, chunk.length);
            }
            return FlowReturn.OK;
        });
        pipeline.getBus().connect((Bus.EOS) source -> done.countDown());
        pipeline.getBus().connect((Bus.ERROR) (source, code, message) -> done.countDown());
        pipeline.play();
        try {
            assertTrue(done.await(30, TimeUnit.SECONDS), "pipeline reached EOS");
        } finally {
            pipeline.setState(State.NULL);
            pipeline.dispose();
        }

        byte[] stream = ts.toByteArray();
        assertEquals(0, stream.length % 188, "whole TS packets");
        TsInspector inspector = new TsInspector();
        inspector.accept(stream);
        inspector.finish();
        assertEquals(java.util.List.of(), inspector.problems());
        assertTrue(inspector.sawPat() && inspector.sawPmt(), "PAT and PMT present");
        assertTrue(inspector.firstVideoUnitIsKeyframe(), "stream starts at a keyframe");
        assertEquals(45, inspector.videoUnits(), "one PES per access unit (alignment=au)");
        assertEquals(3, inspector.keyframeUnits(), "a keyframe every 15 frames");
    }
}
