package org.beholder.onvif.internal.parse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beholder.onvif.DeviceRecording;
import org.beholder.onvif.RecordingEvent;
import org.beholder.onvif.RecordingSummary;
import org.beholder.onvif.RecordingTrack;
import org.beholder.onvif.internal.events.NotificationParser;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/** Answers of the recording, search and replay services (Profile G). */
public final class RecordingParser {
    private RecordingParser() {
    }

    /** A result page: its items, and whether the device says the search is complete. */
    public record Page<T>(List<T> items, boolean completed) {
    }

    public static RecordingSummary summary(Element response) {
        Element summary = Xml.child(response, "Summary").orElse(response);
        return new RecordingSummary(time(summary, "DataFrom"), time(summary, "DataUntil"),
                Xml.integer(summary, "NumberRecordings").orElse(0));
    }

    /** GetRecordings: RecordingItem with Configuration and Tracks. */
    public static List<DeviceRecording> recordings(Element response) {
        List<DeviceRecording> recordings = new ArrayList<>();
        for (Element item : Xml.children(response, "RecordingItem")) {
            Element configuration = Xml.child(item, "Configuration").orElse(item);
            List<RecordingTrack> tracks = new ArrayList<>();
            Xml.child(item, "Tracks").ifPresent(list -> Xml.children(list, "Track").forEach(track -> {
                Element c = Xml.child(track, "Configuration").orElse(track);
                tracks.add(new RecordingTrack(Xml.textOr(track, "", "TrackToken"), Xml.textOr(c, "", "TrackType"),
                        Xml.textOr(c, "", "Description"), null, null));
            }));
            recordings.add(new DeviceRecording(Xml.textOr(item, "", "RecordingToken"),
                    Xml.textOr(configuration, "", "Source", "SourceId"), Xml.textOr(configuration, "", "Source", "Name"),
                    Xml.textOr(configuration, "", "Content"), null, null, "", tracks));
        }
        return recordings;
    }

    /** GetRecordingSearchResults: ResultList with SearchState and RecordingInformation. */
    public static Page<DeviceRecording> recordingResults(Element response) {
        Element list = Xml.child(response, "ResultList").orElse(response);
        List<DeviceRecording> recordings = new ArrayList<>();
        for (Element info : Xml.children(list, "RecordingInformation")) {
            List<RecordingTrack> tracks = new ArrayList<>();
            for (Element track : Xml.children(info, "Track")) {
                tracks.add(new RecordingTrack(Xml.textOr(track, "", "TrackToken"), Xml.textOr(track, "", "TrackType"),
                        Xml.textOr(track, "", "Description"), time(track, "DataFrom"), time(track, "DataTo")));
            }
            recordings.add(new DeviceRecording(Xml.textOr(info, "", "RecordingToken"),
                    Xml.textOr(info, "", "Source", "SourceId"), Xml.textOr(info, "", "Source", "Name"),
                    Xml.textOr(info, "", "Content"), time(info, "EarliestRecording"), time(info, "LatestRecording"),
                    Xml.textOr(info, "", "RecordingStatus"), tracks));
        }
        return new Page<>(recordings, completed(list));
    }

    /** GetEventSearchResults: ResultList with SearchState and Result items. */
    public static Page<RecordingEvent> eventResults(Element response) {
        Element list = Xml.child(response, "ResultList").orElse(response);
        List<RecordingEvent> events = new ArrayList<>();
        for (Element result : Xml.children(list, "Result")) {
            var notification = Xml.child(result, "Event").map(e -> Xml.child(e, "NotificationMessage").orElse(e))
                    .map(NotificationParser::event).orElse(null);
            events.add(new RecordingEvent(Xml.textOr(result, "", "RecordingToken"), Xml.textOr(result, "", "TrackToken"),
                    time(result, "Time"), notification,
                    Xml.text(result, "StartStateEvent").map("true"::equalsIgnoreCase).orElse(false)));
        }
        return new Page<>(events, completed(list));
    }

    /** A missing SearchState is taken as complete, so a device that never says so cannot keep us polling. */
    private static boolean completed(Element list) {
        return Xml.text(list, "SearchState").map(s -> s.equalsIgnoreCase("Completed")).orElse(true);
    }

    public static Optional<String> searchToken(Element response) {
        return Xml.text(response, "SearchToken");
    }

    private static Instant time(Element parent, String name) {
        Optional<String> text = Xml.text(parent, name);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.get()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
