package org.beholder.core.store;

import java.util.List;

/**
 * One page of a search.
 *
 * @param events     in the query's order
 * @param nextCursor pass to {@link EventQuery#withCursor} for the next page; null when this is the last
 */
public record EventPage(List<StoredEvent> events, String nextCursor) {
    public EventPage {
        events = List.copyOf(events);
    }
}
