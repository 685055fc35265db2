package org.beholder.web.internal.api;

import java.util.Map;

/** An answer other than 2xx, carried out of a handler; turned into JSON {@code {"status":..,"error":..}}. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    /** Further fields of the JSON answer. */
    final transient Map<String, Object> details;

    ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    ApiError(int status, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    static ApiError notFound(String what) {
        return new ApiError(404, what + " not found");
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }
}
