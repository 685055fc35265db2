package org.beholder.web.internal.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.core.Beholder;
import org.beholder.core.store.Box;
import org.beholder.core.store.EventPage;
import org.beholder.core.store.EventQuery;
import org.beholder.core.store.EventStore;
import org.beholder.core.store.StoredEvent;

/**
 * {@code GET /beholder/api/review?channel=&type=&label=&zone=&minScore=&from=&to=&page=&limit=}: what every camera
 * saw, from the event history, newest first, a page at a time ({@code next} is the following page's {@code page}).
 * {@code channel}, {@code type} and {@code label} may repeat; without {@code type}: motion, object, QR and camera
 * events; without a time range: the last day.
 */
final class ReviewResources {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;
    private static final String[] REVIEWED = {"motion", "object", "qr", "camera"};

    private final Beholder beholder;

    ReviewResources(Beholder beholder) {
        this.beholder = beholder;
    }

    /** One event as the review lists it; {@code time} and {@code details} as in the channel's event list. */
    record ReviewItem(String id, String type, String channel, String label, Double score, Instant start,
            Instant end, List<String> zones, Box box, String thumbnailUrl, String recordingId, boolean stationary,
            Instant time, Map<String, Object> details) {
    }

    record ReviewPage(List<ReviewItem> events, String next) {
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventStore store = beholder.eventStore()
                .orElseThrow(() -> new ApiError(404, "this host keeps no event history"));
        TimeRange range = TimeRange.of(request, beholder.clock());
        EventQuery query = EventQuery.all().withTime(range.from().toEpochMilli(), range.to().toEpochMilli() - 1)
                .withTypes(values(request, "type", REVIEWED)).withLimit(limit(request));
        String[] channels = values(request, "channel", new String[0]);
        if (channels.length > 0) {
            query = query.withChannels(channels);
        }
        String[] labels = values(request, "label", new String[0]);
        if (labels.length > 0) {
            query = query.withLabels(labels);
        }
        String zone = request.getParameter("zone");
        if (zone != null && !zone.isBlank()) {
            query = query.withZone(zone);
        }
        query = query.withMinScore(minScore(request));
        String page = request.getParameter("page");
        EventPage found;
        try {
            found = store.search(page == null || page.isBlank() ? query : query.withCursor(page));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("page is not a page of this list: " + e.getMessage());
        }
        ApiServlet.sendJson(response, 200, new ReviewPage(found.events().stream().map(ReviewResources::item)
                .toList(), found.nextCursor()));
    }

    private static ReviewItem item(StoredEvent event) {
        Instant start = Instant.ofEpochMilli(event.startMs());
        return new ReviewItem(event.id(), event.type(), event.channel(), event.label(), event.score(), start,
                event.endMs() == null ? null : Instant.ofEpochMilli(event.endMs()), event.zones(), event.box(),
                null, event.recordingId(), event.stationary(), start, event.details());
    }

    private static String[] values(HttpServletRequest request, String name, String[] fallback) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return fallback;
        }
        for (String value : values) {
            if (value.isBlank() || value.length() > 64) {
                throw ApiError.badRequest(name + " must be 1-64 characters");
            }
        }
        return values;
    }

    private static int limit(HttpServletRequest request) {
        String value = request.getParameter("limit");
        if (value == null) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("limit must be 1.." + MAX_PAGE);
    }

    private static Double minScore(HttpServletRequest request) {
        String value = request.getParameter("minScore");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double score = Double.parseDouble(value);
            if (score >= 0 && score <= 1) {
                return score;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("minScore must be a number 0..1");
    }
}
