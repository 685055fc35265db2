package org.beholder.core.store;

/**
 * The event store cannot open or answer: an unreadable or newer database, a disk error. The message says which
 * file and why.
 */
public class EventStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
