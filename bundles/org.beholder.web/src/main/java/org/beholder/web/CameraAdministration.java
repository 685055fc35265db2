package org.beholder.web;

import java.util.List;
import java.util.Map;

/**
 * The host's saved cameras, for hosts whose cameras Beholder's page manages (the standalone). openHAB's cameras
 * are Things managed by openHAB: it provides none, and the endpoints answer 404 there.
 * <p>
 * Settings travel as a JSON object with the keys of a channel entry of the host's config file. Camera passwords
 * are write-only: nothing returned here contains one.
 */
public interface CameraAdministration {

    /** Every camera the host knows, running or disabled, as the page edits them (no passwords). */
    List<Map<String, Object>> cameras();

    /**
     * Validates, saves and starts a new camera; returns its id.
     *
     * @throws AdministrationException 400 with the validator's message, nothing saved
     */
    String create(String json) throws AdministrationException;

    /**
     * Replaces a camera's settings and restarts only that camera. An absent or empty {@code password} keeps the
     * stored one.
     *
     * @throws AdministrationException 400 bad settings, 404 unknown, 409 a camera the page may not edit
     */
    void replace(String id, String json) throws AdministrationException;

    /** Stops and forgets a camera; its recordings stay on disk. */
    void delete(String id) throws AdministrationException;

    /**
     * Tries the settings without saving them and reports what the camera sends (codec, resolution, fps, GOP) or
     * why it cannot be reached; bounded in time.
     */
    Map<String, Object> test(String json) throws AdministrationException;
}
