package org.beholder.engine;

import java.time.Duration;

/**
 * What a channel measured recently. Rates are over the last few seconds; counters since the channel started.
 *
 * @param bitrateBps     stream bitrate in bits per second
 * @param fps            access units per second
 * @param gopFrames      frames from one keyframe to the next (0 until two keyframes were seen)
 * @param gopSeconds     the same in seconds
 * @param width          picture width (0 until the first keyframe was decoded)
 * @param height         picture height
 * @param codec          "H.264" or "H.265", empty until known
 * @param uptime         time since the stream last came online (zero when not online)
 * @param reconnects     times the pipeline was rebuilt after a failure
 * @param viewerSkips    times a slow live viewer was moved forward to the next keyframe
 * @param ringSeconds    seconds of video currently held in the pre-roll ring
 * @param keyframesDropped keyframes the tap could not deliver because its consumers were busy
 */
public record ChannelStatistics(long bitrateBps, double fps, int gopFrames, double gopSeconds, int width, int height,
        String codec, Duration uptime, long reconnects, long viewerSkips, double ringSeconds,
        long keyframesDropped) {
}
