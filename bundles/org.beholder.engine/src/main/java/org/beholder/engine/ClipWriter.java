package org.beholder.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.beholder.engine.internal.gst.GstRuntime;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

/** Encodes a short H.264 MPEG-TS clip of a moving test picture, for demos that need a file source. */
public final class ClipWriter {
    private ClipWriter() {
    }

    /** Writes the clip (via a temporary file, so a crash leaves none half-written). */
    public static void write(Path file, int seconds, int width, int height) throws IOException {
        GstRuntime.ensureInitialised();
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("videotestsrc num-buffers=" + seconds * 15
                + " pattern=pinwheel ! video/x-raw,width=" + width + ",height=" + height + ",framerate=15/1"
                + " ! timeoverlay halignment=right valignment=bottom font-desc=\"Sans 24\""
                + " ! x264enc key-int-max=30 bitrate=600 speed-preset=veryfast option-string=scenecut=0"
                + " ! h264parse ! mpegtsmux ! filesink location=\"" + partial + "\"");
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> error = new AtomicReference<>();
        pipeline.getBus().connect((Bus.EOS) source -> done.countDown());
        pipeline.getBus().connect((Bus.ERROR) (source, code, message) -> {
            error.set(message);
            done.countDown();
        });
        pipeline.play();
        try {
            if (!done.await(120, TimeUnit.SECONDS)) {
                error.set("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error.set("interrupted");
        } finally {
            pipeline.setState(State.NULL);
            pipeline.dispose();
        }
        if (error.get() != null) {
            Files.deleteIfExists(partial);
            throw new IOException("could not encode " + file + ": " + error.get());
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
