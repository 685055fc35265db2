package org.openhab.core.auth;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.auth.AuthenticationException}. */
public class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
