package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class EngineConfigTest {
    private static final Path ROOT = Path.of("/tmp/recordings");

    private static String refused(long maxTotal, long minFree, Duration interval) {
        return assertThrows(IllegalArgumentException.class,
                () -> new EngineConfig(ROOT, maxTotal, minFree, interval)).getMessage();
    }

    @Test
    void refusesNegativeSizesNamingTheSetting() {
        assertTrue(refused(-1, 0, Duration.ofMinutes(1)).startsWith("maxTotalBytes must not be negative"));
        // what an int overflow of 2048 MiB makes: refused, not taken as "no minimum"
        assertTrue(refused(0, 2048 << 20, Duration.ofMinutes(1)).startsWith("minFreeBytes must not be negative"));
    }

    @Test
    void refusesAZeroOrAbsurdRetentionIntervalInsteadOfFailingAtStartUp() {
        assertTrue(refused(0, 0, Duration.ZERO).contains("retentionInterval must be between 1 s and 1 day"));
        assertTrue(refused(0, 0, Duration.ofSeconds(-5)).contains("retentionInterval"));
        assertTrue(refused(0, 0, Duration.ofDays(30)).contains("retentionInterval"));
        assertTrue(refused(0, 0, null).contains("retentionInterval"));
    }

    @Test
    void refusesAbsurdSizesButKeepsLargeRealOnes() {
        assertTrue(refused(Long.MAX_VALUE, 0, Duration.ofMinutes(1)).contains("absurdly large"));
        EngineConfig big = new EngineConfig(ROOT, 64L << 40, 4096L << 20, Duration.ofMinutes(1));
        assertEquals(4096L << 20, big.minFreeBytes(), "4 GiB is kept as a long");
        assertEquals(512L << 20, EngineConfig.of(ROOT).minFreeBytes());
    }
}
