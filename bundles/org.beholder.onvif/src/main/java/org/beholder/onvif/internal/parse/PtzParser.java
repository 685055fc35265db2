package org.beholder.onvif.internal.parse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.beholder.onvif.ImagingSettings;
import org.beholder.onvif.PtzConfiguration;
import org.beholder.onvif.PtzNode;
import org.beholder.onvif.PtzPreset;
import org.beholder.onvif.PtzStatus;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/** Answers of the PTZ and imaging services. */
public final class PtzParser {
    private PtzParser() {
    }

    public static List<PtzNode> nodes(Element response) {
        List<PtzNode> nodes = new ArrayList<>();
        for (Element node : Xml.children(response, "PTZNode")) {
            Optional<Element> spaces = Xml.child(node, "SupportedPTZSpaces");
            nodes.add(new PtzNode(Xml.attribute(node, "token").orElse(""), Xml.textOr(node, "", "Name"),
                    spaceUris(spaces, "AbsolutePanTiltPositionSpace"), spaceUris(spaces, "AbsoluteZoomPositionSpace"),
                    spaceUris(spaces, "RelativePanTiltTranslationSpace"),
                    spaceUris(spaces, "RelativeZoomTranslationSpace"),
                    spaceUris(spaces, "ContinuousPanTiltVelocitySpace"),
                    spaceUris(spaces, "ContinuousZoomVelocitySpace"),
                    Xml.integer(node, "MaximumNumberOfPresets").orElse(0),
                    Xml.text(node, "HomeSupported").map("true"::equalsIgnoreCase).orElse(false)));
        }
        return nodes;
    }

    private static Set<String> spaceUris(Optional<Element> spaces, String kind) {
        Set<String> uris = new LinkedHashSet<>();
        spaces.ifPresent(s -> Xml.children(s, kind).forEach(space -> uris.add(Xml.textOr(space, kind, "URI"))));
        return uris;
    }

    public static List<PtzConfiguration> configurations(Element response) {
        List<PtzConfiguration> configurations = new ArrayList<>();
        for (Element c : Xml.children(response, "PTZConfiguration")) {
            configurations.add(new PtzConfiguration(Xml.attribute(c, "token").orElse(""),
                    Xml.textOr(c, "", "Name"), Xml.textOr(c, "", "NodeToken")));
        }
        return configurations;
    }

    public static List<PtzPreset> presets(Element response) {
        List<PtzPreset> presets = new ArrayList<>();
        for (Element preset : Xml.children(response, "Preset")) {
            String token = Xml.attribute(preset, "token").orElse("");
            presets.add(new PtzPreset(token, Xml.textOr(preset, token, "Name")));
        }
        return presets;
    }

    public static PtzStatus status(Element response) {
        Element status = Xml.child(response, "PTZStatus").orElse(response);
        Optional<Element> panTilt = Xml.child(status, "Position", "PanTilt");
        Optional<Element> zoom = Xml.child(status, "Position", "Zoom");
        Instant time = null;
        try {
            time = Xml.text(status, "UtcTime").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            // Kept null: a bad time stamp does not make the position wrong.
        }
        return new PtzStatus(coordinate(panTilt, "x"), coordinate(panTilt, "y"), coordinate(zoom, "x"),
                Xml.textOr(status, "UNKNOWN", "MoveStatus", "PanTilt"),
                Xml.textOr(status, "UNKNOWN", "MoveStatus", "Zoom"), time);
    }

    private static double coordinate(Optional<Element> vector, String axis) {
        return vector.flatMap(v -> Xml.attribute(v, axis)).flatMap(Xml::parseDouble).orElse(Double.NaN);
    }

    public static ImagingSettings imagingSettings(Element response) {
        Element settings = Xml.child(response, "ImagingSettings").orElse(response);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        flatten(settings, "", values);
        return new ImagingSettings(values);
    }

    private static void flatten(Element element, String prefix, java.util.Map<String, String> values) {
        List<Element> children = Xml.children(element);
        for (Element child : children) {
            String path = prefix.isEmpty() ? Xml.localName(child) : prefix + "/" + Xml.localName(child);
            if (Xml.children(child).isEmpty()) {
                String text = child.getTextContent().trim();
                if (!text.isEmpty() && values.size() < 256) {
                    values.putIfAbsent(path, text);
                }
            } else {
                flatten(child, path, values);
            }
        }
    }
}
