package org.beholder.analytics;

import java.time.Instant;
import java.util.Set;

/**
 * The life of one tracked object: it is confirmed ({@link ObjectStarted}), may change ({@link ObjectUpdated}) and
 * ends ({@link ObjectEnded}) — one object that stays in view is one start and one end, whatever the number of
 * detector runs. {@code time} is the keyframe time of the detector run that caused the event. Delivered in
 * {@link AnalyticsEvent.ObjectsSeen#tracks()} of that run.
 * <p>
 * Why inside {@code ObjectsSeen} and not {@link AnalyticsEvent}s of their own: every change of a track happens on a
 * detector run, and new members of that sealed type would break every exhaustive {@code switch} over it (hosts
 * have them) and would not pass through listeners that forward only known events.
 */
public sealed interface TrackEvent {

    String channel();

    Instant time();

    TrackedObject object();

    /**
     * A track was confirmed: an object is in view. {@code object().stationary()} is true only for an object seen
     * again where a stationary one of its class stood before (it is not news).
     */
    record ObjectStarted(String channel, Instant time, TrackedObject object) implements TrackEvent {
    }

    /** Something worth telling about a confirmed object changed; {@code changes} says what. */
    record ObjectUpdated(String channel, Instant time, TrackedObject object, Set<Change> changes)
            implements TrackEvent {
        public ObjectUpdated {
            changes = Set.copyOf(changes);
        }
    }

    /** A confirmed object has not been seen for the hold-off; it ended at {@code object().lastSeen()}. */
    record ObjectEnded(String channel, Instant time, TrackedObject object) implements TrackEvent {
        public Instant end() {
            return object.lastSeen();
        }
    }

    /** What an {@link ObjectUpdated} reports. */
    enum Change {
        /** A clearly better detection than the best reported so far (a better snapshot). */
        BETTER_SCORE,
        /** Its bottom centre entered a zone it had not entered before. */
        ZONE_ENTERED,
        /** It has stood still for the stationary time. */
        BECAME_STATIONARY,
        /** A stationary object moved again (a parked car leaves). */
        MOVING_AGAIN
    }
}
