package org.beholder.onvif.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventKind;
import org.beholder.onvif.internal.xml.SafeXml;
import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.Fixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class NotificationParserTest {

    private static List<CameraEvent> parse(String xml) throws Exception {
        Element envelope = SafeXml.parse(xml).getDocumentElement();
        return NotificationParser.events(Xml.children(Xml.child(envelope, "Body").orElseThrow()).get(0));
    }

    @Test
    void sharedPullMessagesFixtureHoldsTwoCellMotionEvents() throws Exception {
        List<CameraEvent> events = parse(Fixtures.filled("PullMessages.xml",
                Map.of("hostname", "127.0.0.1", "port", "80", "pullPointUrl", "/pull")));
        assertEquals(2, events.size());
        CameraEvent motion = events.get(0);
        assertEquals(CameraEventKind.MOTION, motion.kind());
        assertEquals("RuleEngine/CellMotionDetector/Motion", motion.topic());
        assertEquals(Boolean.TRUE, motion.active());
        assertEquals("000", motion.sourceToken());
        assertEquals(Map.of("VideoSourceConfigurationToken", "000", "VideoAnalyticsConfigurationToken", "000",
                "Rule", "000"), motion.source());
    }

    @Test
    void topicsAreTyped() throws Exception {
        List<CameraEvent> events = parse(new String(NotificationParserTest.class
                .getResourceAsStream("/onvif-fixtures-beholder/events.PullMessages.topics.xml").readAllBytes(),
                StandardCharsets.UTF_8));
        assertEquals(9, events.size());

        CameraEvent alarm = events.get(0);
        assertEquals(CameraEventKind.MOTION, alarm.kind());
        assertEquals(Boolean.TRUE, alarm.active());
        assertEquals("VideoSource_1", alarm.sourceToken());
        assertEquals(Instant.parse("2026-03-01T11:59:58Z"), alarm.time());
        assertEquals("Changed", alarm.propertyOperation());

        CameraEvent region = events.get(1);
        assertEquals(CameraEventKind.MOTION, region.kind());
        assertEquals(Boolean.FALSE, region.active());
        assertEquals("Initialized", region.propertyOperation());
        assertEquals(Instant.parse("2026-03-01T11:59:59.250Z"), region.time());

        assertEquals(CameraEventKind.TAMPER, events.get(2).kind());
        assertEquals(Boolean.TRUE, events.get(2).active());
        assertEquals(CameraEventKind.TAMPER, events.get(3).kind());
        assertEquals(Boolean.FALSE, events.get(3).active());

        CameraEvent input = events.get(4);
        assertEquals(CameraEventKind.DIGITAL_INPUT, input.kind());
        assertEquals("DigitalInput_2", input.sourceToken());
        assertEquals(Boolean.TRUE, input.active());

        CameraEvent relay = events.get(5);
        assertEquals(CameraEventKind.RELAY, relay.kind());
        assertEquals("Relay_1", relay.sourceToken());
        assertEquals(Boolean.FALSE, relay.active());

        CameraEvent person = events.get(6);
        assertEquals(CameraEventKind.OBJECT, person.kind());
        assertEquals("person", person.objectClass());
        assertEquals(Boolean.TRUE, person.active());
        assertEquals("17", person.data().get("ObjectId"));

        CameraEvent vehicle = events.get(7);
        assertEquals(CameraEventKind.OBJECT, vehicle.kind());
        assertEquals("vehicle", vehicle.objectClass());
        assertEquals(Boolean.TRUE, vehicle.active());

        CameraEvent generic = events.get(8);
        assertEquals(CameraEventKind.GENERIC, generic.kind());
        assertEquals("Storage/Disruption", generic.topic());
        assertEquals(Map.of("disruption", "1", "detail", "card removed"), generic.data());
        assertEquals(Map.of("disk_id", "SD_DISK"), generic.source());
        assertEquals(Instant.parse("2026-03-01T12:00:05Z"), generic.time(), "a time without zone is UTC");
        assertNull(generic.active());
    }

    @Test
    void topicPrefixesAreDroppedPerSegment() {
        assertEquals("RuleEngine/Foo/Bar", NotificationParser.topic(" tns1:RuleEngine/tnsaxis:Foo/Bar \n"));
    }
}
