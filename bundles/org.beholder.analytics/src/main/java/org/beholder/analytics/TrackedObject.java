package org.beholder.analytics;

import java.time.Instant;
import java.util.List;

/**
 * One object followed across detector runs (a snapshot: later runs do not change it).
 *
 * @param trackId    unique per channel while analytics run (1, 2, 3 ...)
 * @param label      its COCO class (standard name, see {@link CocoClasses})
 * @param start      the keyframe time of the first run that saw it (before it was confirmed)
 * @param lastSeen   the keyframe time of the last run that saw it; its end once it has ended
 * @param latest     the detection of the last run that saw it
 * @param best       its highest-scoring detection so far (for the event's score, box and thumbnail)
 * @param bestTime   the keyframe time of {@code best}
 * @param zones      the configured zones its box's bottom centre entered, in the order it entered them
 * @param stationary whether it is standing still now (a parked car, a picture on a wall)
 */
public record TrackedObject(long trackId, String label, Instant start, Instant lastSeen, Detection latest,
        Detection best, Instant bestTime, List<String> zones, boolean stationary) {

    public TrackedObject {
        zones = List.copyOf(zones);
    }

    public double bestScore() {
        return best.score();
    }
}
