package org.beholder.core;

import java.io.IOException;

/** A command the camera refused or did not answer (PTZ); the message says which and why, never a password. */
public final class CameraCommandException extends IOException {
    private static final long serialVersionUID = 1L;

    public CameraCommandException(String message, Throwable cause) {
        super(message, cause);
    }

    public CameraCommandException(String message) {
        super(message);
    }
}
