package org.beholder.onvif;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How the client talks to devices.
 *
 * @param requestTimeout the whole exchange of one ordinary call (PullMessages has its own, 25 s)
 * @param connectTimeout establishing the TCP connection
 * @param maxAnswerBytes larger answers are refused as malformed (a device's answers are a few kB; this bounds
 *     memory against a broken or hostile device)
 * @param clock local time, read for the device clock offset and the event subscription's timing
 */
public record OnvifOptions(Duration requestTimeout, Duration connectTimeout, long maxAnswerBytes,
        InstantSource clock) {
    public static final OnvifOptions DEFAULTS = new OnvifOptions(Duration.ofSeconds(10), Duration.ofSeconds(5),
            4L * 1024 * 1024, InstantSource.system());

    public OnvifOptions {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(clock, "clock");
        if (maxAnswerBytes < 1024L) {
            throw new IllegalArgumentException("maxAnswerBytes must be at least 1024");
        }
    }

    public OnvifOptions withRequestTimeout(Duration timeout) {
        return new OnvifOptions(timeout, connectTimeout, maxAnswerBytes, clock);
    }

    public OnvifOptions withMaxAnswerBytes(long bytes) {
        return new OnvifOptions(requestTimeout, connectTimeout, bytes, clock);
    }

    public OnvifOptions withClock(InstantSource newClock) {
        return new OnvifOptions(requestTimeout, connectTimeout, maxAnswerBytes, newClock);
    }
}
