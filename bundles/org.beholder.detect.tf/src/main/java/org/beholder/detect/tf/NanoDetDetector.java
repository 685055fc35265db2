package org.beholder.detect.tf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beholder.analytics.Detection;
import org.beholder.analytics.ObjectDetector;
import org.beholder.detect.tf.internal.nanodet.InputTensor;
import org.beholder.detect.tf.internal.natives.NativeLibraries;
import org.beholder.detect.tf.internal.nanodet.OutputDecoder;
import org.beholder.engine.Keyframe;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * NanoDet-m (COCO-80, 416×416) under TensorFlow Java. The frozen graph is made from the npm package at build
 * time and carried inside this bundle. TensorFlow's native libraries are unpacked under the folder given to
 * {@link #load} (Beholder's data folder), never the home directory, so that an interrupted unpack is repaired
 * rather than loaded (see {@link NativeLibraries}). One inference at a time.
 */
public final class NanoDetDetector implements ObjectDetector {
    private static final Logger logger = LoggerFactory.getLogger(NanoDetDetector.class);
    private static final String[] SCORES = { "Identity", "Identity_1", "Identity_2" };
    private static final String[] BOXES = { "Identity_3", "Identity_4", "Identity_5" };
    /** Candidates below this never leave the detector; channels filter further with their own minimum. */
    private static final double FLOOR_SCORE = 0.3;

    private final Graph graph;
    private final Session session;
    private final OutputDecoder decoder;

    private NanoDetDetector(Graph graph, Session session, List<String> labels) {
        this.graph = graph;
        this.session = session;
        this.decoder = new OutputDecoder(labels, FLOOR_SCORE);
    }

    /**
     * Loads the model.
     *
     * @param nativeFolder where TensorFlow's native libraries are unpacked (a few hundred MB, once)
     */
    public static synchronized NanoDetDetector load(Path nativeFolder) throws IOException {
        Files.createDirectories(nativeFolder);
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", nativeFolder.toAbsolutePath().toString());
        }
        long started = System.nanoTime();
        // JavaCPP fixes its cache folder on first use; unpack to wherever that is.
        NativeLibraries.unpack(Loader.getCacheDir().getCanonicalFile().toPath(), Loader.getPlatform());
        GraphDef definition;
        try (InputStream in = resource("nanodet.pb")) {
            definition = GraphDef.parseFrom(in);
        }
        Graph graph = newGraph();
        try {
            graph.importGraphDef(definition);
        } catch (IllegalArgumentException e) {
            graph.close();
            throw new IOException("the NanoDet graph does not load: " + e.getMessage(), e);
        }
        // One graph-level thread (the network is a chain) and every core for the work inside each op.
        ConfigProto config = ConfigProto.newBuilder().setInterOpParallelismThreads(1)
                .setIntraOpParallelismThreads(Runtime.getRuntime().availableProcessors()).build();
        NanoDetDetector detector = new NanoDetDetector(graph, new Session(graph, config), labels());
        logger.info("NanoDet-m loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        return detector;
    }

    /** The first graph loads TensorFlow's natives; a failure there is a start-up error, not a crash. */
    private static Graph newGraph() throws IOException {
        try {
            return new Graph();
        } catch (LinkageError e) {
            throw new IOException("TensorFlow's native libraries do not load: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = NanoDetDetector.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the bundle (the build converts it from the npm package)");
        }
        return in;
    }

    private static List<String> labels() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource("coco.names"),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        }
    }

    @Override
    public String name() {
        return "nanodet-m";
    }

    @Override
    public synchronized List<Detection> detect(Keyframe keyframe) {
        return detect(InputTensor.fromI420(keyframe.i420(), keyframe.width(), keyframe.height()));
    }

    /** Runs the model on a prepared [1,3,416,416] input (see {@link InputTensor}). */
    public synchronized List<Detection> detect(float[] input) {
        try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(1, 3, InputTensor.SIZE, InputTensor.SIZE),
                DataBuffers.of(input, true, false))) {
            Session.Runner runner = session.runner().feed("input_1", tensor);
            for (int i = 0; i < 3; i++) {
                runner.fetch(SCORES[i]).fetch(BOXES[i]);
            }
            try (Result result = runner.run()) {
                float[][] scores = new float[3][];
                float[][] boxes = new float[3][];
                for (int i = 0; i < 3; i++) {
                    scores[i] = read(result.get(2 * i));
                    boxes[i] = read(result.get(2 * i + 1));
                }
                return decoder.decode(scores, boxes);
            }
        }
    }

    private static float[] read(Tensor tensor) {
        TFloat32 values = (TFloat32) tensor;
        float[] out = new float[(int) values.size()];
        values.asRawTensor().data().asFloats().read(out);
        return out;
    }

    @Override
    public synchronized void close() {
        session.close();
        graph.close();
    }
}
