package org.beholder.core.settings;

import java.util.List;

/** Settings that {@link CameraSettingsValidator} refused; the message names the first problem. */
public final class InvalidSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<SettingProblem> problems;

    public InvalidSettingsException(List<SettingProblem> problems) {
        super(problems.get(0).describe(problems.get(0).setting()));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
