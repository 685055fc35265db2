package org.beholder.core;

import java.io.IOException;
import java.util.List;

/**
 * Pan, tilt and zoom of a camera that can (an ONVIF profile with a PTZ configuration). Every call is one request
 * to the camera; a failure is a {@link CameraCommandException} whose message says what the camera answered.
 */
public interface CameraPtz {

    /** A position the camera remembers. */
    record Preset(String token, String name) {
    }

    /**
     * Starts moving at these speeds, each -1..1 (values outside are clamped). The camera stops by itself after
     * {@link #MOVE_LIMIT_SECONDS} s, so a lost {@link #stop()} (a closed browser tab) never moves it forever.
     */
    void move(double pan, double tilt, double zoom) throws IOException;

    void stop() throws IOException;

    /** Moves to an absolute position, each -1..1 in the camera's generic space. */
    void moveTo(double pan, double tilt, double zoom) throws IOException;

    List<Preset> presets() throws IOException;

    /** Goes to the preset with this token or, failing that, this name. */
    void gotoPreset(String tokenOrName) throws IOException;

    /** Saves the current position under this name (replacing a preset of the same name); returns its token. */
    String savePreset(String name) throws IOException;

    void home() throws IOException;

    int MOVE_LIMIT_SECONDS = 10;
}
