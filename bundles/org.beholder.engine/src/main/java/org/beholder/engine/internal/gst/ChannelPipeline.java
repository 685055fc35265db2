package org.beholder.engine.internal.gst;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.beholder.engine.ChannelConfig;
import org.beholder.engine.Transport;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.elements.AppSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a channel's GStreamer pipeline, from connect to teardown. A failed or finished run is thrown away
 * and the channel builds a new one. Callbacks arrive on GStreamer threads and must hand work off at once.
 */
public final class ChannelPipeline {
    private static final Logger logger = LoggerFactory.getLogger(ChannelPipeline.class);

    /** What a pipeline run reports. All called on GStreamer threads: return quickly, never block. */
    public interface Callbacks {
        void accessUnit(byte[] ts, boolean keyframe, long timeNanos);

        void keyframe(int width, int height, byte[] i420);

        void codec(String codec);

        void failed(String message, boolean userMustFix);

        void ended();
    }

    private final ChannelConfig config;
    private final Callbacks callbacks;
    private final String target;
    private final BufferLists.Reader reader = new BufferLists.Reader();
    private Pipeline pipeline;
    private volatile boolean stopped;
    /** A file's demuxer found a video stream Beholder records; else what it found instead. */
    private volatile boolean videoLinked;
    private volatile String unsupportedVideo;
    /** The last warning of a depayloader, parser or decoder that could not decode the camera's data. */
    private volatile String decodeTrouble;
    /** The codec's part of the pipeline received data from the source (whether or not a picture came of it). */
    private volatile boolean sourceDelivered;

    private ChannelPipeline(ChannelConfig config, Callbacks callbacks) {
        this.config = config;
        this.callbacks = callbacks;
        URI uri = URI.create(config.url());
        this.target = "file".equals(config.scheme()) ? Path.of(uri).toString()
                : uri.getHost() == null ? config.displayUrl() : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /** Builds and starts a pipeline; failures are reported through {@code callbacks.failed}. */
    public static ChannelPipeline start(ChannelConfig config, Callbacks callbacks) {
        GstRuntime.ensureInitialised();
        ChannelPipeline run = new ChannelPipeline(config, callbacks);
        run.build();
        return run;
    }

    private void build() {
        pipeline = new Pipeline("channel-" + config.id());
        Bus bus = pipeline.getBus();
        bus.connect((Bus.ERROR) (source, code, message) -> {
            if (!stopped) {
                String text = config.redact(message); // GStreamer's texts may quote the URL with its query
                logger.debug("Pipeline of {}: error from {}: {}", config.id(), source.getName(), text);
                ErrorMessages.Failure failure = ErrorMessages.explain(source.getName(), text, target);
                callbacks.failed(failure.message(), failure.userMustFix());
            }
        });
        bus.connect((Bus.WARNING) (source, code, message) -> {
            if (!stopped && isDecodeWarning(source.getName(), message)) {
                decodeTrouble = config.redact(message);
            }
        });
        bus.connect((Bus.EOS) source -> {
            if (!stopped) {
                callbacks.ended();
            }
        });
        switch (config.scheme()) {
            case "test" -> buildTestSource();
            case "file" -> buildFileSource();
            default -> buildRtspSource();
        }
    }

    private void buildTestSource() {
        Bin bin = Gst.parseBinFromDescription(SourceDescriptions.testSource(URI.create(config.url())), false);
        pipeline.add(bin);
        attachSinks(bin);
        callbacks.codec("H.264");
        pipeline.play();
    }

    private void buildRtspSource() {
        Element source = ElementFactory.make("rtspsrc", "source");
        source.set("location", config.url());
        source.set("latency", 200);
        source.set("protocols", config.transport() == Transport.UDP ? 1 | 2 : 4); // udp|udp-mcast : tcp
        source.set("tcp-timeout", 10_000_000L);
        if (config.hasCredentials()) { // as properties: never part of a URL or a launch line
            source.set("user-id", config.username());
            source.set("user-pw", config.password());
        }
        pipeline.add(source);
        source.connect((Element.PAD_ADDED) (element, pad) -> linkRtspPad(pad));
        pipeline.play();
    }

    private void linkRtspPad(Pad pad) {
        Structure caps = capsOf(pad);
        String media = caps.hasField("media") ? caps.getString("media") : "";
        String encoding = caps.hasField("encoding-name") ? caps.getString("encoding-name") : "?";
        if (!"video".equals(media)) {
            discard(pad);
            return;
        }
        String codec = SourceDescriptions.codecOfRtp(encoding);
        if (codec == null) {
            discard(pad);
            callbacks.failed(SourceDescriptions.unsupportedCodec(SourceDescriptions.nameOfRtp(encoding)) + " from "
                    + target, true);
            return;
        }
        linkTail(pad, SourceDescriptions.rtpDepay(codec) + " ! " + SourceDescriptions.tail(codec, false), codec);
    }

    /**
     * An MPEG-TS file played in a loop at real-time pace (the TS appsink syncs to the clock). multifilesrc restarts
     * the bytes; tsdemux treats the restart as a PCR discontinuity and keeps timestamps growing, so viewers and
     * recordings see one continuous stream.
     */
    private void buildFileSource() {
        Path file = Path.of(URI.create(config.url()));
        if (!Files.isReadable(file)) {
            callbacks.failed("File not found or not readable: " + file, true);
            return;
        }
        Element source = ElementFactory.make("multifilesrc", "source");
        source.set("location", file.toString());
        source.set("loop", true);
        Element demux = ElementFactory.make("tsdemux", "demux");
        pipeline.addMany(source, demux);
        source.link(demux);
        demux.connect((Element.PAD_ADDED) (element, pad) -> {
            Structure caps = capsOf(pad);
            String codec = SourceDescriptions.codecOfCaps(caps.getName());
            if (codec == null) {
                if (caps.getName().startsWith("video/") || caps.getName().startsWith("image/")) {
                    unsupportedVideo = SourceDescriptions.nameOfCaps(caps.getName(),
                            caps.hasField("mpegversion") ? caps.getInteger("mpegversion") : 0);
                }
                discard(pad);
                return;
            }
            videoLinked = true;
            linkTail(pad, SourceDescriptions.tail(codec, true), codec);
        });
        // Every stream of the file is known now: one that only has video Beholder cannot record says so at once,
        // instead of waiting for the stall timeout to report "no video".
        demux.connect((Element.NO_MORE_PADS) element -> {
            if (!videoLinked && !stopped) {
                String found = unsupportedVideo;
                callbacks.failed(found != null ? SourceDescriptions.unsupportedCodec(found) + " in " + target
                        : "No video stream in " + target, true);
            }
        });
        pipeline.play();
    }

    private static boolean isDecodeWarning(String element, String message) {
        boolean mediaElement = element.startsWith("rtph26") || element.startsWith("h26") || element.startsWith("avdec");
        return mediaElement && message.toLowerCase().contains("decode");
    }

    /** What a depayloader, parser or decoder last said about data it could not decode, or null. */
    public String decodeTrouble() {
        return decodeTrouble;
    }

    /** True once the source handed data to the depayloader/parser, even if no access unit came of it. */
    public boolean sourceDelivered() {
        return sourceDelivered;
    }

    /** Host and port (or the file) this run reads, for messages. */
    public String target() {
        return target;
    }

    /** A new pad's caps: current ones if negotiated already (rtspsrc), else what the pad can produce (parsebin). */
    private static Structure capsOf(Pad pad) {
        Caps caps = pad.getCurrentCaps();
        if (caps == null || caps.isEmpty()) {
            caps = pad.queryCaps(null);
        }
        return caps.getStructure(0);
    }

    private void linkTail(Pad pad, String description, String codec) {
        Bin tail = Gst.parseBinFromDescription(description, true);
        pipeline.add(tail);
        attachSinks(tail);
        tail.syncStateWithParent();
        Pad tailSink = tail.getStaticPad("sink");
        // One look at the first buffer only (then the probe removes itself): tells "the camera sends nothing"
        // from "the camera sends data that nothing can be made of".
        tailSink.addDataProbe((probed, buffer) -> {
            sourceDelivered = true;
            return PadProbeReturn.REMOVE;
        });
        pad.link(tailSink);
        callbacks.codec(codec.equals("h265") ? "H.265" : "H.264");
    }

    private void discard(Pad pad) {
        Element sink = ElementFactory.make("fakesink", null);
        sink.set("async", false);
        sink.set("sync", false);
        pipeline.add(sink);
        sink.syncStateWithParent();
        pad.link(sink.getStaticPad("sink"));
    }

    private void attachSinks(Bin bin) {
        AppSink ts = (AppSink) bin.getElementByName(SourceDescriptions.TS_SINK);
        ts.connect((AppSink.NEW_SAMPLE) sink -> {
            Sample sample = sink.pullSample();
            try {
                BufferLists.AccessUnit unit = reader.read(sample);
                if (unit != null && !stopped) {
                    callbacks.accessUnit(unit.data(), unit.keyframe(), unit.timeNanos());
                }
            } finally {
                sample.dispose();
            }
            return FlowReturn.OK;
        });
        AppSink keyframes = (AppSink) bin.getElementByName(SourceDescriptions.KEYFRAME_SINK);
        keyframes.connect((AppSink.NEW_SAMPLE) sink -> {
            Sample sample = sink.pullSample();
            try {
                Caps caps = sample.getCaps();
                Structure structure = caps.getStructure(0);
                int width = structure.getInteger("width");
                int height = structure.getInteger("height");
                Buffer buffer = sample.getBuffer();
                ByteBuffer mapped = buffer.map(false);
                byte[] i420 = new byte[Math.min(mapped.remaining(), width * height * 3 / 2)];
                mapped.get(i420);
                buffer.unmap();
                if (!stopped) {
                    callbacks.keyframe(width, height, i420);
                }
            } finally {
                sample.dispose();
            }
            return FlowReturn.OK;
        });
    }

    /** Stops the pipeline and releases every native resource. Call from a non-GStreamer thread. */
    public void stop() {
        stopped = true;
        if (pipeline != null) {
            pipeline.setState(State.NULL);
            pipeline.getState(5_000_000_000L);
            pipeline.dispose();
            pipeline = null;
        }
        logger.debug("Pipeline of {} stopped", config.id());
    }
}
