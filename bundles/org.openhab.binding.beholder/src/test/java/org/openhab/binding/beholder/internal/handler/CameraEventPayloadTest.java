package org.openhab.binding.beholder.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventKind;
import org.junit.jupiter.api.Test;

/** What the camera-event trigger carries: the topic, then the event's data and source as key=value. */
class CameraEventPayloadTest {

    @Test
    void topicThenDataThenSourceSortedByKey() {
        CameraEvent event = new CameraEvent(CameraEventKind.MOTION, "RuleEngine/CellMotionDetector/Motion", null,
                "Changed", true, "vsc1", "", Map.of("VideoSourceConfigurationToken", "vsc1", "Rule", "MyRule"),
                Map.of("IsMotion", "true"));
        assertEquals("RuleEngine/CellMotionDetector/Motion IsMotion=true Rule=MyRule VideoSourceConfigurationToken=vsc1",
                NvrChannelHandler.cameraEventPayload(event));
    }
}
