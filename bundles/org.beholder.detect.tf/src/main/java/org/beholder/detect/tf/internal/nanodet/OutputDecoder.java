package org.beholder.detect.tf.internal.nanodet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.beholder.analytics.Detection;

/**
 * Turns NanoDet-m's outputs into boxes. For each stride (8, 16, 32) the model gives, per cell of the 52², 26² or
 * 13² grid (row-major), 80 class scores (sigmoid already applied) and 4 × 11 distance bins (left, top, right,
 * bottom); the distance of a side is the softmax-weighted bin index times the stride, measured from the cell
 * centre. Boxes of a class overlapping by more than {@value #NMS_IOU} IoU are merged (non-maximum suppression).
 */
public final class OutputDecoder {
    public static final int[] STRIDES = { 8, 16, 32 };
    static final int CLASSES = 80;
    static final int BINS = 11;
    static final double NMS_IOU = 0.5;

    private final List<String> labels;
    private final double minScore;

    public OutputDecoder(List<String> labels, double minScore) {
        this.labels = labels;
        this.minScore = minScore;
    }

    /** {@code scores[s]} and {@code boxes[s]} are the flattened outputs of stride {@code STRIDES[s]}. */
    public List<Detection> decode(float[][] scores, float[][] boxes) {
        List<Detection> candidates = new ArrayList<>();
        for (int s = 0; s < STRIDES.length; s++) {
            int stride = STRIDES[s];
            int grid = InputTensor.SIZE / stride;
            for (int cell = 0; cell < grid * grid; cell++) {
                int best = 0;
                float bestScore = -1;
                for (int c = 0; c < CLASSES; c++) {
                    float score = scores[s][cell * CLASSES + c];
                    if (score > bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
                if (bestScore < minScore) {
                    continue;
                }
                double cx = (cell % grid + 0.5) * stride;
                double cy = (cell / grid + 0.5) * stride;
                int base = cell * 4 * BINS;
                double left = distance(boxes[s], base) * stride;
                double top = distance(boxes[s], base + BINS) * stride;
                double right = distance(boxes[s], base + 2 * BINS) * stride;
                double bottom = distance(boxes[s], base + 3 * BINS) * stride;
                double x0 = clamp((cx - left) / InputTensor.SIZE);
                double y0 = clamp((cy - top) / InputTensor.SIZE);
                double x1 = clamp((cx + right) / InputTensor.SIZE);
                double y1 = clamp((cy + bottom) / InputTensor.SIZE);
                candidates.add(new Detection(labels.get(best), bestScore, x0, y0, x1 - x0, y1 - y0));
            }
        }
        return suppress(candidates);
    }

    /** The expected bin index under a softmax of the 11 bins starting at {@code from}. */
    private static double distance(float[] bins, int from) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < BINS; i++) {
            max = Math.max(max, bins[from + i]);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < BINS; i++) {
            double e = Math.exp(bins[from + i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    static List<Detection> suppress(List<Detection> candidates) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean overlaps = false;
            for (Detection other : kept) {
                if (other.label().equals(candidate.label()) && other.iou(candidate) > NMS_IOU) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
