package org.beholder.web.internal.api;

/** An answer other than 2xx, carried out of a handler; turned into JSON {@code {"status":..,"error":..}}. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError notFound(String what) {
        return new ApiError(404, what + " not found");
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }
}
