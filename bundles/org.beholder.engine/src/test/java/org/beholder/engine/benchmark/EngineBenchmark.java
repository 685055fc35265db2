package org.beholder.engine.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.engine.ChannelConfig;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.NvrEngine;
import org.beholder.engine.internal.gst.GstRuntime;
import org.beholder.engine.testing.MediaChecks;
import org.beholder.engine.testing.RtspCameraFixture;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

/**
 * CPU, heap and RSS per channel of the engine (remux + ring + keyframe tap) against a 1080p15 4 Mbit/s H.264
 * stream from the RTSP test server, and in the same run a decode-every-frame pipeline on the same stream as the
 * baseline. Run with {@code bin/benchmark-engine.sh}; prints a Markdown table.
 */
public final class EngineBenchmark {
    private static final Duration WARM_UP = Duration.ofSeconds(14); // fills the 10 s pre-roll ring
    private static final Duration MEASURE = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/benchmark"));
        Path clip = work.resolve("1080p15-4mbit.ts");
        if (!Files.exists(clip)) {
            System.out.println("Encoding the 1080p15 4 Mbit/s test clip (once)...");
            MediaChecks.runToEnd("videotestsrc num-buffers=900 pattern=smpte horizontal-speed=8"
                    + " ! video/x-raw,width=1920,height=1080,"
                    + "framerate=15/1 ! x264enc bitrate=4000 pass=cbr key-int-max=30 speed-preset=veryfast"
                    + " option-string=scenecut=0 ! h264parse ! mpegtsmux ! filesink location=\"" + clip + "\"",
                    new AtomicInteger());
        }
        int[] counts = args.length > 1 ? parse(args[1]) : new int[] { 1, 8, 16 };
        System.out.println("| channels | engine CPU %/ch | decode-all CPU %/ch | ratio | heap MB/ch | RSS MB/ch |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        GstRuntime.ensureInitialised();
        for (int n : counts) {
            Sample idle = Sample.take();
            Sample engineRun;
            double baseline;
            // A fresh server per phase: GStreamer's RTSP server can wedge its shared media after many clients left.
            try (RtspCameraFixture camera = RtspCameraFixture.start("--file", clip.toString(), "--unshared")) {
                engineRun = measureEngine(camera, n, work.resolve("rec-" + n));
            }
            try (RtspCameraFixture camera = RtspCameraFixture.start("--file", clip.toString(), "--unshared")) {
                baseline = measureDecodeAll(camera, n);
            }
            double engineCpu = engineRun.cpuPercent / n;
            System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.1f× | %.1f | %.1f |%n", n, engineCpu,
                    baseline / n, baseline / engineRun.cpuPercent, (engineRun.heapBytes - idle.heapBytes) / 1e6 / n,
                    (engineRun.rssBytes - idle.rssBytes) / 1e6 / n);
        }
        System.exit(0);
    }

    private static int[] parse(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static Sample measureEngine(RtspCameraFixture camera, int n, Path recordings) throws Exception {
        try (NvrEngine engine = new NvrEngine(EngineConfig.of(recordings))) {
            List<NvrChannel> channels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                channels.add(engine.add(ChannelConfig.builder("bench" + i, camera.url()).build()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (NvrChannel channel : channels) {
                while (channel.status().state() != ChannelState.ONLINE) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(channel.id() + " did not come online: " + channel.status());
                    }
                    Thread.sleep(100);
                }
            }
            Thread.sleep(WARM_UP.toMillis());
            Sample sample = Sample.measure(MEASURE);
            for (NvrChannel channel : channels) {
                if (channel.statistics().fps() < 13 || channel.statistics().ringSeconds() < 10) {
                    System.out.println("WARNING: " + channel.id() + " " + channel.statistics());
                }
            }
            return sample;
        }
    }

    private static double measureDecodeAll(RtspCameraFixture camera, int n) throws Exception {
        List<Pipeline> pipelines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pipeline pipeline = (Pipeline) Gst.parseLaunch("rtspsrc location=" + camera.url()
                    + " protocols=tcp latency=200 ! rtph264depay ! h264parse ! avdec_h264 ! fakesink sync=false");
            pipeline.play();
            pipelines.add(pipeline);
        }
        Thread.sleep(WARM_UP.toMillis());
        Sample sample = Sample.measure(MEASURE);
        for (Pipeline pipeline : pipelines) {
            pipeline.setState(State.NULL);
            pipeline.dispose();
        }
        return sample.cpuPercent;
    }

    /** Process CPU (all threads, Java and GStreamer) over a window, then heap after GC and RSS. */
    private record Sample(double cpuPercent, long heapBytes, long rssBytes) {
        static Sample measure(Duration window) throws Exception {
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(window.toMillis());
            double cpu = 100.0 * (processCpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
            Sample memory = take();
            return new Sample(cpu, memory.heapBytes, memory.rssBytes);
        }

        static Sample take() throws Exception {
            System.gc();
            Thread.sleep(200);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return new Sample(0, heap, rss);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }
}
