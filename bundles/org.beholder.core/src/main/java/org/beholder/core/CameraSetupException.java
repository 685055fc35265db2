package org.beholder.core;

import java.io.IOException;

/**
 * A camera could not be set up from what it was configured with, e.g. its ONVIF device did not answer or refused
 * the credentials. The message says what and where, never a password.
 */
public final class CameraSetupException extends IOException {
    private static final long serialVersionUID = 1L;

    public CameraSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public CameraSetupException(String message) {
        super(message);
    }
}
