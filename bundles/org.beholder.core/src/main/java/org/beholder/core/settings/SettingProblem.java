package org.beholder.core.settings;

/**
 * One thing wrong with a camera's settings.
 *
 * @param setting the {@link CameraSettings} component at fault (e.g. {@code motionThreshold}); each host names it
 *                with its own key (docs/reference/settings.md)
 * @param message what is wrong, without the setting's name, e.g. {@code must be between 0 and 1, was 1.5}
 */
public record SettingProblem(String setting, String message) {

    /** The message with a setting name in front, e.g. for openHAB's Thing status. */
    public String describe(String name) {
        return name + " " + message;
    }
}
