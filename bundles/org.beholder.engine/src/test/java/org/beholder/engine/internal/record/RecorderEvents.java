package org.beholder.engine.internal.record;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.beholder.engine.Recording;

/** What a recorder told its channel, for tests to wait on and assert. */
final class RecorderEvents implements ChannelRecorder.Events {
    final List<Recording> started = new CopyOnWriteArrayList<>();
    final List<Recording> stopped = new CopyOnWriteArrayList<>();
    final AtomicReference<String> warning = new AtomicReference<>();

    @Override
    public void started(Recording recording) {
        started.add(recording);
    }

    @Override
    public void stopped(Recording recording) {
        stopped.add(recording);
    }

    @Override
    public void warning(String text) {
        warning.set(text);
    }
}
