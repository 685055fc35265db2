package org.beholder.web;

/**
 * A request to a host's administration that cannot be carried out, with the HTTP status and the message the
 * client is shown: 400 for bad input, 403, 404, 409 for a conflict with what exists. Nothing was changed.
 */
public final class AdministrationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public AdministrationException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static AdministrationException badRequest(String message) {
        return new AdministrationException(400, message);
    }

    public int status() {
        return status;
    }
}
