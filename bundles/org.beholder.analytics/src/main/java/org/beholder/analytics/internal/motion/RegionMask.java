package org.beholder.analytics.internal.motion;

import java.util.List;

import org.beholder.analytics.Polygon;

/** A zone minus the masks, rasterised once per picture size: one boolean per analytics pixel. */
final class RegionMask {
    final boolean[] inside;
    final int count;

    RegionMask(Polygon zone, List<Polygon> masks, int width, int height) {
        inside = new boolean[width * height];
        int n = 0;
        for (int y = 0; y < height; y++) {
            double ny = (y + 0.5) / height;
            for (int x = 0; x < width; x++) {
                double nx = (x + 0.5) / width;
                boolean in = zone.contains(nx, ny);
                for (int m = 0; in && m < masks.size(); m++) {
                    in = !masks.get(m).contains(nx, ny);
                }
                inside[y * width + x] = in;
                n += in ? 1 : 0;
            }
        }
        count = n;
    }
}
