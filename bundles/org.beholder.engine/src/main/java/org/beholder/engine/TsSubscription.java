package org.beholder.engine;

/** A live viewer's handle on a channel's TS. Closing it stops delivery and frees its queue. */
public interface TsSubscription extends AutoCloseable {

    /** Times this viewer was too slow and was moved forward to the next keyframe. */
    long skips();

    @Override
    void close();
}
