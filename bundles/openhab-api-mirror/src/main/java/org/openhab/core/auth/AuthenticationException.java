package org.openhab.core.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.auth.AuthenticationException}. */
@NonNullByDefault
public class AuthenticationException extends SecurityException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
