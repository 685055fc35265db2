package org.beholder.web.internal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.core.events.EventJournal;
import org.beholder.core.events.NvrEvent;
import org.beholder.web.internal.json.Json;

/**
 * One live page's server-sent event stream. Events are queued (at most {@value #MAX_QUEUED}; a page that cannot
 * keep up loses the oldest) and written by the client's own virtual thread, which also sends a comment every
 * {@value #HEARTBEAT_MILLIS} ms so that a vanished page is noticed and dropped.
 */
final class EventStreamClient implements Consumer<NvrEvent> {
    private static final int MAX_QUEUED = 256;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final EventJournal journal;
    private final AsyncContext async;
    private final String channelFilter;
    private final ArrayDeque<NvrEvent> queue = new ArrayDeque<>();
    private boolean closed;

    private EventStreamClient(EventJournal journal, AsyncContext async, String channelFilter) {
        this.journal = journal;
        this.async = async;
        this.channelFilter = channelFilter;
    }

    static void start(EventJournal journal, HttpServletRequest request, HttpServletResponse response,
            String channelFilter) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("X-Accel-Buffering", "no");
        response.getOutputStream().write(": beholder events\nretry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        EventStreamClient client = new EventStreamClient(journal, async, channelFilter);
        journal.addListener(client);
        Thread.ofVirtual().name("beholder-sse").start(client::run);
    }

    @Override
    public void accept(NvrEvent event) {
        if (channelFilter != null && !channelFilter.equals(event.channel())) {
            return;
        }
        synchronized (queue) {
            if (queue.size() >= MAX_QUEUED) {
                queue.removeFirst();
            }
            queue.addLast(event);
            queue.notifyAll();
        }
    }

    private void run() {
        try {
            ServletOutputStream out = async.getResponse().getOutputStream();
            while (!closed) {
                NvrEvent next;
                synchronized (queue) {
                    if (queue.isEmpty()) {
                        queue.wait(HEARTBEAT_MILLIS);
                    }
                    next = queue.pollFirst();
                }
                String text = next == null ? ": heartbeat\n\n"
                        : "event: " + next.type() + "\ndata: " + Json.GSON.toJson(Views.event(next)) + "\n\n";
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the page went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            journal.removeListener(this);
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already completed by the container
            }
        }
    }
}
