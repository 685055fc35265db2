package org.openhab.binding.beholder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.beholder.testing.ThingFixture;
import org.openhab.binding.beholder.testing.TokenAuthFilter;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.ThingHandler;

/** One Beholder per data folder: the factory's runtime holds the folder until the factory is deactivated. */
class BeholderHandlerFactoryTest {
    @TempDir
    Path data;

    @Test
    void aSecondBeholderOnTheSameFolderSaysSoInTheThingStatusAndARestartAfterDeactivationWorks() throws Exception {
        BeholderHandlerFactory first = factory();
        assertNotNull(first.runtime());

        BeholderHandlerFactory second = factory();
        assertNull(second.runtime(), "the folder is taken");
        ThingFixture blocked = start(second);
        assertEquals(ThingStatus.OFFLINE, blocked.lastStatus().getStatus());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, blocked.lastStatus().getStatusDetail());
        String reason = String.valueOf(blocked.lastStatus().getDescription());
        assertTrue(reason.contains(data.toAbsolutePath().toString()) && reason.contains("in use by"), reason);
        second.close();

        first.close(); // what deactivate() does: the lock goes with the runtime
        BeholderHandlerFactory restarted = factory();
        assertNotNull(restarted.runtime(), "a bundle restart gets the folder again");
        ThingFixture thing = start(restarted);
        try {
            Waits.until(Duration.ofSeconds(20), () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE,
                    () -> thing.lastStatus().toString());
        } finally {
            thing.getHandler().dispose();
            restarted.close();
        }
    }

    private BeholderHandlerFactory factory() {
        return new BeholderHandlerFactory(data, new OpenHabAccessGuard(new TokenAuthFilter(Map.of())), Map.of());
    }

    private static ThingFixture start(BeholderHandlerFactory factory) {
        ThingFixture thing = new ThingFixture("front", Map.of("url", "test:?width=160&height=120"));
        ThingHandler handler = factory.registerHandler(thing);
        thing.setHandler(handler);
        handler.setCallback(thing);
        handler.initialize();
        return thing;
    }
}
