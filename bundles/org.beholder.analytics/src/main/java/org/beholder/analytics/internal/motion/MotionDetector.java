package org.beholder.analytics.internal.motion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beholder.analytics.Polygon;
import org.beholder.analytics.Zone;

/**
 * The motion level between consecutive grey keyframes, per zone — the method of the original Kaithem NVR:
 * <ol>
 * <li>absolute difference with the previous keyframe;</li>
 * <li>erosion with a 3×3 minimum filter, so isolated noisy pixels vanish and only solid changed areas remain;</li>
 * <li>a threshold a little above the zone's mean eroded difference, so a uniform lighting change (everything
 * differs by about the same amount) and scattered noise fall under it;</li>
 * <li>the root mean square of what exceeds the threshold, over the zone, scaled to 0..1.</li>
 * </ol>
 * Not thread-safe: one per channel, fed in order.
 */
public final class MotionDetector {
    /** Added to the mean so that a perfectly uniform change leaves nothing above the threshold. */
    private static final int MARGIN = 6;
    /** And a factor, so that the threshold scales with global flicker. */
    private static final double MEAN_FACTOR = 1.5;
    /** RMS of 64 grey levels over the whole zone counts as full motion. */
    private static final double FULL_SCALE = 64.0;

    private final List<Zone> zones;
    private final List<Polygon> masks;
    private byte[] previous;
    private int width;
    private int height;
    private List<RegionMask> regions = List.of();
    private int[] eroded = new int[0];
    private int[] difference = new int[0];

    public MotionDetector(List<Zone> zones, List<Polygon> masks) {
        this.zones = List.copyOf(zones);
        this.masks = List.copyOf(masks);
    }

    /** Levels per zone name for this keyframe (all zero for the first one or after a size change). */
    public Map<String, Double> measure(byte[] gray, int w, int h) {
        Map<String, Double> levels = new LinkedHashMap<>();
        if (previous == null || w != width || h != height) {
            resize(w, h);
            previous = gray.clone();
            zones.forEach(z -> levels.put(z.name(), 0.0));
            return levels;
        }
        for (int i = 0; i < difference.length; i++) {
            difference[i] = Math.abs((gray[i] & 0xFF) - (previous[i] & 0xFF));
        }
        erode();
        for (int z = 0; z < zones.size(); z++) {
            levels.put(zones.get(z).name(), level(regions.get(z)));
        }
        System.arraycopy(gray, 0, previous, 0, gray.length);
        return levels;
    }

    private void resize(int w, int h) {
        width = w;
        height = h;
        difference = new int[w * h];
        eroded = new int[w * h];
        List<RegionMask> made = new ArrayList<>();
        for (Zone zone : zones) {
            made.add(new RegionMask(zone.area(), masks, w, h));
        }
        regions = made;
    }

    /** 3×3 minimum; the border keeps the minimum of the neighbours it has. */
    private void erode() {
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - 1);
            int y1 = Math.min(height - 1, y + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(width - 1, x + 1);
                int min = 255;
                for (int yy = y0; yy <= y1 && min > 0; yy++) {
                    int row = yy * width;
                    for (int xx = x0; xx <= x1; xx++) {
                        int v = difference[row + xx];
                        if (v < min) {
                            min = v;
                        }
                    }
                }
                eroded[y * width + x] = min;
            }
        }
    }

    private double level(RegionMask region) {
        if (region.count == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < eroded.length; i++) {
            if (region.inside[i]) {
                sum += eroded[i];
            }
        }
        double threshold = (double) sum / region.count * MEAN_FACTOR + MARGIN;
        double squares = 0;
        for (int i = 0; i < eroded.length; i++) {
            if (region.inside[i]) {
                double above = eroded[i] - threshold;
                if (above > 0) {
                    squares += above * above;
                }
            }
        }
        return Math.min(1.0, Math.sqrt(squares / region.count) / FULL_SCALE);
    }
}
