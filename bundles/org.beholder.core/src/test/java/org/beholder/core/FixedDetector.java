package org.beholder.core;

import java.util.List;

import org.beholder.analytics.Detection;
import org.beholder.analytics.ObjectDetector;
import org.beholder.engine.Keyframe;

/** A detector that always sees one kite: enough to follow detections through core. */
final class FixedDetector implements ObjectDetector {
    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public List<Detection> detect(Keyframe keyframe) {
        return List.of(new Detection("kite", 0.9, 0.1, 0.1, 0.2, 0.2));
    }

    @Override
    public void close() {
    }
}
