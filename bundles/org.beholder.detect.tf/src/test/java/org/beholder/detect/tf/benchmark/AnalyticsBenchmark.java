package org.beholder.detect.tf.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.beholder.analytics.Zone;
import org.beholder.analytics.internal.motion.MotionDetector;
import org.beholder.detect.tf.NanoDetDetector;
import org.beholder.detect.tf.internal.nanodet.InputTensor;
import org.beholder.engine.Keyframe;

/**
 * Motion ms per 320×240 keyframe, NanoDet-m ms per inference on this machine, model load time and memory, and
 * the CPU that analytics add per channel at one keyframe a second. Run with {@code bin/benchmark-analytics.sh}.
 */
public final class AnalyticsBenchmark {

    public static void main(String[] args) throws Exception {
        Path testdata = Path.of(args.length > 0 ? args[0] : "src/test/resources/darknet");
        Path natives = Path.of(args.length > 1 ? args[1] : "target/native");
        System.out.printf(Locale.ROOT, "CPUs: %d, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        double motionMs = motion();
        System.out.printf(Locale.ROOT, "| motion, one 320×240 keyframe | %.3f ms |%n", motionMs);

        long heapBefore = heap();
        long rssBefore = rss();
        long loadStart = System.nanoTime();
        NanoDetDetector detector = NanoDetDetector.load(natives);
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        Keyframe person = picture(testdata.resolve("person.jpg"));
        detector.detect(person); // first run allocates TensorFlow's buffers
        System.out.printf(Locale.ROOT, "| model load (graph import + session) | %.0f ms |%n", loadMs);
        System.out.printf(Locale.ROOT, "| memory after load and first run | heap +%.1f MB, RSS +%.0f MB |%n",
                (heap() - heapBefore) / 1e6, (rss() - rssBefore) / 1e6);

        int runs = 50;
        double[] inference = new double[runs];
        double[] preprocess = new double[runs];
        float[] input = InputTensor.fromI420(person.i420(), person.width(), person.height());
        for (int i = 0; i < 5; i++) {
            detector.detect(input);
        }
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            float[] prepared = InputTensor.fromI420(person.i420(), person.width(), person.height());
            long t1 = System.nanoTime();
            detector.detect(prepared);
            long t2 = System.nanoTime();
            preprocess[i] = (t1 - t0) / 1e6;
            inference[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(inference);
        System.out.printf(Locale.ROOT, "| NanoDet-m inference (%d runs) | median %.1f ms, p90 %.1f ms |%n", runs,
                inference[runs / 2], inference[runs * 9 / 10]);
        System.out.printf(Locale.ROOT, "| input preparation from a 640×424 I420 keyframe | %.1f ms |%n",
                Arrays.stream(preprocess).average().orElse(0));
        double perDetection = inference[runs / 2] + Arrays.stream(preprocess).average().orElse(0);
        System.out.printf(Locale.ROOT, "| CPU per channel at 1 keyframe/s: motion only | %.2f %% of one core |%n",
                motionMs / 10);
        System.out.printf(Locale.ROOT, "| CPU per channel at 1 keyframe/s: motion + a detection on every keyframe"
                + " | %.1f %% of one core (peak, during motion) |%n", (motionMs + perDetection) / 10);
        detector.close();
    }

    private static double motion() {
        MotionDetector detector = new MotionDetector(List.of(Zone.wholePicture()), List.of());
        Random random = new Random(7);
        byte[][] frames = new byte[16][320 * 240];
        for (byte[] frame : frames) {
            random.nextBytes(frame);
        }
        for (int i = 0; i < 300; i++) {
            detector.measure(frames[i % frames.length], 320, 240);
        }
        int n = 3000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            detector.measure(frames[i % frames.length], 320, 240);
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    private static Keyframe picture(Path file) throws Exception {
        Class<?> type = Class.forName("org.beholder.detect.tf.PictureKeyframe");
        var read = type.getDeclaredMethod("read", Path.class);
        read.setAccessible(true);
        return (Keyframe) read.invoke(null, file);
    }

    private static long heap() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
