package org.beholder.core.store;

/**
 * How many events to keep, independent of recording retention. A limit of 0 means "no limit". Whatever the
 * limits say, an event whose recording is still kept is never deleted.
 *
 * @param maxAgeMs      delete events that ended (or, ongoing, began) longer ago than this
 * @param maxPerChannel keep at most this many events per channel (the newest)
 * @param maxTotal      keep at most this many events in all (the newest)
 */
public record RetentionPolicy(long maxAgeMs, long maxPerChannel, long maxTotal) {
    public RetentionPolicy {
        if (maxAgeMs < 0 || maxPerChannel < 0 || maxTotal < 0) {
            throw new IllegalArgumentException("retention limits must not be negative");
        }
    }

    /** Keeps everything. */
    public static RetentionPolicy keepAll() {
        return new RetentionPolicy(0, 0, 0);
    }
}
