package org.beholder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.beholder.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data folder, what the journal keeps goes into the event history and is listed after a restart. */
class EventHistoryTest {

    @Test
    void eventsSurviveARestartAndStatusIsNotListed(@TempDir Path data) throws Exception {
        Instant t = Instant.now().minusSeconds(60);
        NvrEvent qr = NvrEvent.of(EventType.QR, "garden", t, Map.of("text", "parcel 42"));
        NvrEvent motion = NvrEvent.of(EventType.MOTION, "garden", t.plusSeconds(1),
                Map.of("phase", "start", "zone", "door", "level", 0.3));
        try (Beholder beholder = new Beholder(EngineConfig.of(data.resolve("recordings")), InstantSource.system(),
                data)) {
            beholder.journal().record(qr);
            beholder.journal().record(motion);
            beholder.journal().push(NvrEvent.of(EventType.STATUS, "garden", t.plusSeconds(2),
                    Map.of("state", "ONLINE", "message", "", "recording", false)));
            beholder.eventStore().orElseThrow().flush();
        }
        try (Beholder again = new Beholder(EngineConfig.of(data.resolve("recordings")), InstantSource.system(),
                data)) {
            List<NvrEvent> listed = again.events("garden", t.minusSeconds(1), Instant.now());
            assertEquals(List.of(qr.id(), motion.id()), listed.stream().map(NvrEvent::id).toList(),
                    "oldest first, same ids, no status");
            assertEquals("parcel 42", listed.get(0).details().get("text"));
            assertEquals("door", listed.get(1).details().get("zone"));
            assertTrue(again.journal().list("garden", t.minusSeconds(1), Instant.now()).isEmpty(),
                    "the memory is new: the listing came from the history");
        }
    }

    @Test
    void withoutADataFolderEventsAreKeptInMemory(@TempDir Path data) throws Exception {
        try (Beholder beholder = new Beholder(EngineConfig.of(data))) {
            NvrEvent qr = NvrEvent.of(EventType.QR, "garden", Instant.now(), Map.of("text", "hi"));
            beholder.journal().record(qr);
            assertTrue(beholder.eventStore().isEmpty());
            assertEquals(List.of(qr), beholder.events("garden", qr.time(), qr.time().plusSeconds(1)));
        }
    }
}
