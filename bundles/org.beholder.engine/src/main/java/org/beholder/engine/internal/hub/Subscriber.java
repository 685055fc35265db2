package org.beholder.engine.internal.hub;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.beholder.engine.TsChunk;
import org.beholder.engine.TsSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One live viewer: a byte-bounded queue filled by the hub and drained to the sink by a virtual thread. */
final class Subscriber implements TsSubscription {
    private static final Logger logger = LoggerFactory.getLogger(Subscriber.class);

    private final String name;
    private final Consumer<TsChunk> sink;
    private final long maxQueuedBytes;
    private final AtomicLong hubSkips;
    private final Consumer<Subscriber> onClose;
    private final ArrayDeque<TsChunk> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long skips;
    private boolean waitingForKeyframe = true;
    private boolean closed;
    private Thread drainer;

    Subscriber(String name, Consumer<TsChunk> sink, long maxQueuedBytes, AtomicLong hubSkips,
            Consumer<Subscriber> onClose) {
        this.name = name;
        this.sink = sink;
        this.maxQueuedBytes = maxQueuedBytes;
        this.hubSkips = hubSkips;
        this.onClose = onClose;
    }

    void start() {
        drainer = Thread.ofVirtual().name("ts-viewer-" + name).start(this::drain);
    }

    /** Never blocks: on overflow the queue is emptied and delivery resumes at the next keyframe. */
    synchronized void offer(TsChunk chunk) {
        if (closed) {
            return;
        }
        if (waitingForKeyframe && !chunk.keyframe()) {
            return;
        }
        if (queuedBytes + chunk.data().length > maxQueuedBytes && !queue.isEmpty()) {
            queue.clear();
            queuedBytes = 0;
            skips++;
            hubSkips.incrementAndGet();
            if (!chunk.keyframe()) {
                waitingForKeyframe = true;
                return;
            }
        }
        waitingForKeyframe = false;
        queue.add(chunk);
        queuedBytes += chunk.data().length;
        notifyAll();
    }

    private void drain() {
        try {
            while (true) {
                TsChunk next;
                synchronized (this) {
                    while (queue.isEmpty() && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    next = queue.poll();
                    queuedBytes -= next.data().length;
                }
                sink.accept(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            logger.debug("Viewer {} stopped: {}", name, e.toString());
        } finally {
            close();
        }
    }

    @Override
    public synchronized long skips() {
        return skips;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            queuedBytes = 0;
            notifyAll();
        }
        onClose.accept(this);
    }
}
