package org.beholder.onvif;

import java.util.Map;
import java.util.Optional;

/**
 * GetImagingSettings, flattened: every leaf element by its path of local names ("Exposure/Mode"), so vendor
 * and optional elements are kept without a type for each.
 */
public record ImagingSettings(Map<String, String> values) {
    public ImagingSettings {
        values = Map.copyOf(values);
    }

    public Optional<String> value(String path) {
        return Optional.ofNullable(values.get(path));
    }

    public Optional<Double> number(String path) {
        try {
            return value(path).map(Double::parseDouble);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<Double> brightness() {
        return number("Brightness");
    }

    public Optional<Double> contrast() {
        return number("Contrast");
    }

    public Optional<Double> colorSaturation() {
        return number("ColorSaturation");
    }

    public Optional<Double> sharpness() {
        return number("Sharpness");
    }

    public Optional<String> irCutFilter() {
        return value("IrCutFilter");
    }
}
