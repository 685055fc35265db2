package org.beholder.web.internal.api;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.NvrChannel;
import org.beholder.core.Beholder;
import org.beholder.core.events.EventJournal;
import org.beholder.core.events.NvrEvent;

/** The event list of a channel, and the pushed stream of events for live pages. */
final class EventResources {
    private final Beholder beholder;
    private final EventJournal journal;
    private final InstantSource clock;

    EventResources(Beholder beholder) {
        this.beholder = beholder;
        this.journal = beholder.journal();
        this.clock = beholder.clock();
    }

    /** Recordings from the index merged with the camera's other events (the history, when kept), by time. */
    void list(NvrChannel channel, HttpServletRequest request, HttpServletResponse response) throws IOException {
        TimeRange range = TimeRange.of(request, clock);
        List<NvrEvent> events = new ArrayList<>();
        channel.recordings(range.from(), range.to()).stream().filter(r -> !r.start().isBefore(range.from()))
                .map(Views::recordingEvent).forEach(events::add);
        events.addAll(beholder.events(channel.id(), range.from(), range.to()));
        String type = request.getParameter("type");
        if (type != null) {
            events.removeIf(e -> !e.type().equals(type));
        }
        events.sort(Comparator.comparing(NvrEvent::time));
        ApiServlet.sendJson(response, 200, events.stream().map(Views::event).toList());
    }

    /** Server-sent events; optional {@code ?channel=id}. Never blocks a request thread for long. */
    void stream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getMethod().equals("HEAD")) { // no body would ever reach the client: no stream to keep
            response.setStatus(200);
            response.setContentType("text/event-stream;charset=utf-8");
            return;
        }
        EventStreamClient.start(journal, request, response, request.getParameter("channel"));
    }
}
