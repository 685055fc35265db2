package org.beholder.analytics.internal.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beholder.analytics.AnalyticsConfig;
import org.beholder.analytics.Detection;
import org.beholder.analytics.TrackEvent;
import org.beholder.analytics.TrackEvent.Change;
import org.beholder.analytics.TrackedObject;
import org.beholder.analytics.Zone;

/**
 * Follows objects across detector runs of one channel, so that one object in view is one start and one end.
 * <ul>
 * <li>A detection continues the track of its class whose box it overlaps most (IoU ≥ {@code matchIou}); pairs are
 * taken greedily, best overlap first, so two objects of one class stay two tracks.</li>
 * <li>A new track is tentative; it is confirmed after {@code confirmHits} runs in a row or one run at
 * {@code confirmScore}. A tentative track missed by one run is forgotten (a flash never becomes an object).</li>
 * <li>A confirmed track ends after {@code holdOffRuns} runs in a row without it <em>and</em> {@code holdOff} of
 * time: a missed run in between (flicker) does not split it.</li>
 * <li>Its box staying put for {@code stationaryAfter} makes it stationary; when a stationary object ends, its place
 * is remembered for {@code stationaryMemory}, and a track of its class that appears there again is stationary from
 * the start (a picture on the wall that the detector lost for a while is not a new arrival).</li>
 * </ul>
 * Time is the keyframe time of each run; the tracker has no clock of its own. Not thread-safe: one channel's runs
 * are sequential.
 */
public final class ObjectTracker {
    /** How much a new track must overlap a remembered stationary place to continue it. */
    private static final double SAME_PLACE_IOU = 0.5;

    private final String channel;
    private final AnalyticsConfig.Tracking settings;
    private final List<Zone> zones;
    private final Map<Long, Track> tracks = new LinkedHashMap<>();
    private final Deque<StillPlace> stillPlaces = new ArrayDeque<>();
    private long nextId = 1;
    private long ignoredDetections;

    private record StillPlace(Detection box, Instant forgetAt) {
    }

    /** A track and the index of a detection of this run that may continue it. */
    private record Pair(Track track, int detection, double iou) {
    }

    /**
     * @param channel  the channel id the events name
     * @param settings the tracking settings
     * @param zones    the configured zones (none: objects enter no zone)
     */
    public ObjectTracker(String channel, AnalyticsConfig.Tracking settings, List<Zone> zones) {
        this.channel = channel;
        this.settings = settings;
        this.zones = List.copyOf(zones);
    }

    /**
     * One detector run at keyframe time {@code time}, with the detections that passed the score and class filters.
     * Returns what happened, in order: objects that ended, then changes of objects still in view, then new objects.
     */
    public List<TrackEvent> update(Instant time, List<Detection> detections) {
        List<TrackEvent> ended = new ArrayList<>();
        List<TrackEvent> updated = new ArrayList<>();
        List<TrackEvent> started = new ArrayList<>();
        forgetStillPlaces(time);

        boolean[] detectionMatched = new boolean[detections.size()];
        Set<Track> seen = new HashSet<>();
        for (Pair pair : greedyPairs(detections)) {
            Track track = pair.track();
            Set<Change> changes = track.matched(detections.get(pair.detection()), time, zones, settings);
            detectionMatched[pair.detection()] = true;
            seen.add(track);
            if (track.confirmed) {
                if (!changes.isEmpty()) {
                    track.reported();
                    updated.add(new TrackEvent.ObjectUpdated(channel, time, track.snapshot(), changes));
                }
            } else if (track.hits >= settings.confirmHits()) {
                started.add(confirm(track, time));
            }
        }
        // tracks this run did not see: tentative ones are forgotten, confirmed ones end after the hold-off
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext();) {
            Track track = it.next();
            if (seen.contains(track)) {
                continue;
            }
            track.misses++;
            if (!track.confirmed) {
                it.remove();
            } else if (track.misses >= settings.holdOffRuns()
                    && Duration.between(track.lastSeen, time).compareTo(settings.holdOff()) >= 0) {
                it.remove();
                if (track.stationary) {
                    remember(track, time);
                }
                ended.add(new TrackEvent.ObjectEnded(channel, time, track.snapshot()));
            }
        }
        for (int i = 0; i < detections.size(); i++) {
            if (detectionMatched[i]) {
                continue;
            }
            Detection detection = detections.get(i);
            if (tracks.size() >= settings.maxTracks()) {
                ignoredDetections++;
                continue;
            }
            Track track = new Track(nextId++, detection, time);
            track.enterZones(zones);
            if (takeStillPlace(detection)) {
                track.continuesStationary();
            }
            tracks.put(track.id, track);
            if (settings.confirmHits() <= 1 || detection.score() >= settings.confirmScore()) {
                started.add(confirm(track, time));
            }
        }
        Comparator<TrackEvent> byTrack = Comparator.comparingLong(event -> event.object().trackId());
        updated.sort(byTrack); // matching order is by overlap; report in the order objects came
        started.sort(byTrack);
        List<TrackEvent> events = new ArrayList<>(ended);
        events.addAll(updated);
        events.addAll(started);
        return events;
    }

    /** The confirmed objects being tracked now (in view, or missed for less than the hold-off), oldest first. */
    public List<TrackedObject> inView() {
        return tracks.values().stream().filter(t -> t.confirmed).map(Track::snapshot).toList();
    }

    /** Detections that found no room because {@code maxTracks} tracks were live. */
    public long ignoredDetections() {
        return ignoredDetections;
    }

    private TrackEvent confirm(Track track, Instant time) {
        track.confirmed = true;
        track.reported();
        return new TrackEvent.ObjectStarted(channel, time, track.snapshot());
    }

    /** Track-detection pairs of one class with enough overlap, best overlap first, each side used once. */
    private List<Pair> greedyPairs(List<Detection> detections) {
        List<Pair> candidates = new ArrayList<>();
        for (Track track : tracks.values()) {
            for (int i = 0; i < detections.size(); i++) {
                if (detections.get(i).label().equals(track.label)) {
                    double iou = track.latest.iou(detections.get(i));
                    if (iou >= settings.matchIou()) {
                        candidates.add(new Pair(track, i, iou));
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Pair::iou).reversed());
        List<Pair> chosen = new ArrayList<>();
        Set<Track> usedTracks = new HashSet<>();
        Set<Integer> usedDetections = new HashSet<>();
        for (Pair pair : candidates) {
            if (!usedTracks.contains(pair.track()) && !usedDetections.contains(pair.detection())) {
                usedTracks.add(pair.track());
                usedDetections.add(pair.detection());
                chosen.add(pair);
            }
        }
        return chosen;
    }

    private void remember(Track track, Instant time) {
        if (stillPlaces.size() >= settings.maxTracks()) {
            stillPlaces.removeFirst();
        }
        stillPlaces.addLast(new StillPlace(track.latest, time.plus(settings.stationaryMemory())));
    }

    private boolean takeStillPlace(Detection detection) {
        for (Iterator<StillPlace> it = stillPlaces.iterator(); it.hasNext();) {
            StillPlace place = it.next();
            if (place.box().label().equals(detection.label()) && place.box().iou(detection) >= SAME_PLACE_IOU) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private void forgetStillPlaces(Instant time) {
        stillPlaces.removeIf(place -> !time.isBefore(place.forgetAt()));
    }
}
