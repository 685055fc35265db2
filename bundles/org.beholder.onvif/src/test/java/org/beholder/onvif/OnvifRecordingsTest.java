package org.beholder.onvif;

import static org.beholder.onvif.OnvifDeviceTest.ownFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.FakeDevice.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profile G against the loopback device, with fixtures written from the recording/search/replay WSDLs. */
class OnvifRecordingsTest {
    private FakeDevice device;
    private OnvifDevice onvif;

    @BeforeEach
    void start() throws Exception {
        device = new FakeDevice("admin", "pw", Duration.ZERO);
        device.answer("GetServices", ownFixture("services.ProfileG.xml"))
                .answer("GetRecordingSummary", ownFixture("search.GetRecordingSummary.xml"))
                .answer("GetRecordings", ownFixture("recording.GetRecordings.xml"))
                .answer("FindRecordings", ownFixture("search.FindRecordings.xml"))
                .answer("FindEvents", ownFixture("search.FindEvents.xml"))
                .answer("GetEventSearchResults", ownFixture("search.GetEventSearchResults.xml"))
                .answer("GetReplayUri", ownFixture("replay.GetReplayUri.xml"))
                .answer("EndSearch", "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                        + "<EndSearchResponse/></s:Body></s:Envelope>");
        AtomicInteger pages = new AtomicInteger();
        String searching = ownFixture("search.GetRecordingSearchResults.searching.xml");
        String completed = ownFixture("search.GetRecordingSearchResults.completed.xml");
        device.answer("GetRecordingSearchResults",
                r -> Answer.ok(pages.getAndIncrement() == 0 ? searching : completed));
        onvif = new OnvifClient().connect(device.deviceService(), new Credentials("admin", "pw"));
    }

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void profileGServicesAreFoundIncludingAccessAndDoorControl() {
        ServiceAddresses services = onvif.services();
        assertEquals(device.uri("/onvif/search"), services.address(OnvifService.SEARCH).orElseThrow());
        assertEquals(device.uri("/onvif/recording"), services.address(OnvifService.RECORDING).orElseThrow());
        assertEquals(device.uri("/onvif/replay"), services.address(OnvifService.REPLAY).orElseThrow());
        assertEquals(device.uri("/onvif/accesscontrol"), services.address(OnvifService.ACCESS_CONTROL).orElseThrow());
        assertEquals(device.uri("/onvif/doorcontrol"), services.address(OnvifService.DOOR_CONTROL).orElseThrow());
    }

    @Test
    void summaryAndConfiguredRecordings() throws Exception {
        assertEquals(new RecordingSummary(Instant.parse("2026-02-20T00:00:00Z"), Instant.parse("2026-03-01T11:59:00Z"),
                2), onvif.recordings().summary());

        List<DeviceRecording> recordings = onvif.recordings().recordings();
        assertEquals(1, recordings.size());
        DeviceRecording recording = recordings.get(0);
        assertEquals("REC_1", recording.token());
        assertEquals("Front door", recording.sourceName());
        assertEquals("SD card", recording.content());
        assertEquals(List.of("Video", "Audio"), recording.tracks().stream().map(RecordingTrack::type).toList());
        assertEquals("/onvif/recording", device.received("GetRecordings").get(0).path());
    }

    @Test
    void findRecordingsPagesUntilTheSearchIsComplete() throws Exception {
        List<DeviceRecording> found = onvif.recordings().findRecordings(10);

        assertEquals(List.of("REC_1", "REC_2"), found.stream().map(DeviceRecording::token).toList());
        DeviceRecording first = found.get(0);
        assertEquals(Instant.parse("2026-02-20T00:00:00Z"), first.earliest());
        assertEquals("Recording", first.status());
        assertEquals(Instant.parse("2026-03-01T11:59:00Z"), first.tracks().get(0).dataTo());
        assertEquals(Instant.parse("2026-02-28T18:30:00.500Z"), found.get(1).latest());
        assertEquals(2, device.received("GetRecordingSearchResults").size());
        assertEquals("search-7", Xml.text(device.received("GetRecordingSearchResults").get(0).operationElement(),
                "SearchToken").orElseThrow());
        assertTrue(device.received("EndSearch").isEmpty(), "a completed search needs no EndSearch");
    }

    @Test
    void aSearchLeftAtTheResultLimitIsEnded() throws Exception {
        List<DeviceRecording> found = onvif.recordings().findRecordings(1);

        assertEquals(1, found.size());
        assertEquals(1, device.received("EndSearch").size());
    }

    @Test
    void findEventsInASpan() throws Exception {
        Instant from = Instant.parse("2026-03-01T09:00:00Z");
        Instant to = Instant.parse("2026-03-01T12:00:00Z");
        List<RecordingEvent> events = onvif.recordings().findEvents(from, to, "REC_1", 100);

        assertEquals(2, events.size());
        RecordingEvent motion = events.get(0);
        assertEquals("REC_1", motion.recordingToken());
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), motion.time());
        assertEquals(CameraEventKind.MOTION, motion.event().kind());
        assertEquals(Boolean.TRUE, motion.event().active());
        assertFalse(motion.startState());
        assertTrue(events.get(1).startState());
        assertEquals("RecordingHistory/Track/State", events.get(1).event().topic());

        var request = device.received("FindEvents").get(0).operationElement();
        assertEquals(from.toString(), Xml.text(request, "StartPoint").orElseThrow());
        assertEquals(to.toString(), Xml.text(request, "EndPoint").orElseThrow());
        assertEquals("REC_1", Xml.text(request, "Scope", "IncludedRecordings").orElseThrow());
    }

    @Test
    void replayUri() throws Exception {
        assertEquals(URI.create("rtsp://192.168.1.64:554/onvif/replay/REC_1"), onvif.recordings().replayUri("REC_1"));
        var request = device.received("GetReplayUri").get(0);
        assertEquals("/onvif/replay", request.path());
        assertEquals("REC_1", Xml.text(request.operationElement(), "RecordingToken").orElseThrow());
        assertEquals("RTP-Unicast", Xml.text(request.operationElement(), "StreamSetup", "Stream").orElseThrow());
    }

    @Test
    void aCameraWithoutProfileGSaysSo() throws Exception {
        FakeDevice plain = new FakeDevice("admin", "pw", Duration.ZERO);
        try (plain) {
            plain.answer("GetServices", org.beholder.onvif.testserver.Fixtures.filled("GetServices.xml"));
            OnvifDevice camera = new OnvifClient().connect(plain.deviceService(), new Credentials("admin", "pw"));
            OnvifException e = assertThrows(OnvifException.class, () -> camera.recordings().summary());
            assertEquals(OnvifException.Kind.SERVICE_MISSING, e.kind());
            assertNull(e.faultReason());
        }
    }
}
