package org.beholder.onvif;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.beholder.onvif.OnvifException.Kind;
import org.beholder.onvif.internal.parse.MediaParser;
import org.beholder.onvif.internal.parse.RecordingParser;
import org.beholder.onvif.internal.parse.RecordingParser.Page;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/**
 * Profile G: what the device recorded itself, found through its search service and played through its replay
 * service. Searches are paged: results are fetched until the device says the search is complete, at most
 * {@code maxResults} items and {@value #MAX_PAGES} pages, and a search left early is ended.
 */
public final class OnvifRecordings {
    static final int MAX_PAGES = 50;
    private static final String WAIT = "PT2S";
    private static final String KEEP_ALIVE = "PT30S";

    private final OnvifDevice device;

    OnvifRecordings(OnvifDevice device) {
        this.device = device;
    }

    public RecordingSummary summary() throws OnvifException {
        return RecordingParser.summary(device.call(OnvifService.SEARCH, "GetRecordingSummary",
                "<tse:GetRecordingSummary/>"));
    }

    /** The recordings as the recording service configures them (no time span; see {@link #findRecordings}). */
    public List<DeviceRecording> recordings() throws OnvifException {
        return RecordingParser.recordings(device.call(OnvifService.RECORDING, "GetRecordings", "<trc:GetRecordings/>"));
    }

    /** Every recording with its time span and tracks (FindRecordings + GetRecordingSearchResults). */
    public List<DeviceRecording> findRecordings(int maxResults) throws OnvifException {
        String token = start("FindRecordings", "<tse:FindRecordings><tse:Scope/><tse:MaxMatches>" + maxResults
                + "</tse:MaxMatches><tse:KeepAliveTime>" + KEEP_ALIVE + "</tse:KeepAliveTime></tse:FindRecordings>");
        return collect(token, "GetRecordingSearchResults", maxResults, RecordingParser::recordingResults);
    }

    /**
     * Events recorded between {@code start} and {@code end} (FindEvents + GetEventSearchResults), in one
     * recording or, with a null token, in all.
     */
    public List<RecordingEvent> findEvents(Instant start, Instant end, String recordingToken, int maxResults)
            throws OnvifException {
        String scope = recordingToken == null ? "<tse:Scope/>"
                : "<tse:Scope><tt:IncludedRecordings>" + Xml.escape(recordingToken)
                        + "</tt:IncludedRecordings></tse:Scope>";
        String token = start("FindEvents", "<tse:FindEvents><tse:StartPoint>" + start + "</tse:StartPoint>"
                + "<tse:EndPoint>" + end + "</tse:EndPoint>" + scope + "<tse:SearchFilter/>"
                + "<tse:IncludeStartState>false</tse:IncludeStartState><tse:MaxMatches>" + maxResults
                + "</tse:MaxMatches><tse:KeepAliveTime>" + KEEP_ALIVE + "</tse:KeepAliveTime></tse:FindEvents>");
        return collect(token, "GetEventSearchResults", maxResults, RecordingParser::eventResults);
    }

    /** The RTSP address that replays a recording (RTP unicast over RTSP). */
    public URI replayUri(String recordingToken) throws OnvifException {
        return MediaParser.mediaUri(device.call(OnvifService.REPLAY, "GetReplayUri",
                "<trp:GetReplayUri><trp:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>"
                        + "RTSP</tt:Protocol></tt:Transport></trp:StreamSetup><trp:RecordingToken>"
                        + Xml.escape(recordingToken) + "</trp:RecordingToken></trp:GetReplayUri>"), "GetReplayUri");
    }

    private String start(String operation, String body) throws OnvifException {
        return RecordingParser.searchToken(device.call(OnvifService.SEARCH, operation, body)).orElseThrow(
                () -> new OnvifException(Kind.MALFORMED_ANSWER, operation + ": the answer has no SearchToken"));
    }

    private <T> List<T> collect(String token, String operation, int maxResults,
            Function<Element, Page<T>> parse) throws OnvifException {
        List<T> all = new ArrayList<>();
        String request = "<tse:" + operation + "><tse:SearchToken>" + Xml.escape(token) + "</tse:SearchToken>"
                + "<tse:MinResults>1</tse:MinResults><tse:MaxResults>" + maxResults + "</tse:MaxResults>"
                + "<tse:WaitTime>" + WAIT + "</tse:WaitTime></tse:" + operation + ">";
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<T> results = parse.apply(device.call(OnvifService.SEARCH, operation, request));
            for (T item : results.items()) {
                if (all.size() < maxResults) {
                    all.add(item);
                }
            }
            if (results.completed()) {
                return all;
            }
            if (all.size() >= maxResults) {
                break;
            }
        }
        endSearch(token);
        return all;
    }

    private void endSearch(String token) {
        try {
            device.call(OnvifService.SEARCH, "EndSearch", "<tse:EndSearch><tse:SearchToken>" + Xml.escape(token)
                    + "</tse:SearchToken></tse:EndSearch>");
        } catch (OnvifException e) {
            // The search expires by its keep-alive time anyway.
        }
    }
}
