package org.beholder.onvif;

import java.util.Set;

/**
 * A PTZ node and the coordinate spaces it supports (by their URIs); a move kind is offered only when the node
 * lists a space for it.
 */
public record PtzNode(String token, String name, Set<String> absolutePanTiltSpaces, Set<String> absoluteZoomSpaces,
        Set<String> relativePanTiltSpaces, Set<String> relativeZoomSpaces, Set<String> continuousPanTiltSpaces,
        Set<String> continuousZoomSpaces, int maximumPresets, boolean homeSupported) {
    public PtzNode {
        absolutePanTiltSpaces = Set.copyOf(absolutePanTiltSpaces);
        absoluteZoomSpaces = Set.copyOf(absoluteZoomSpaces);
        relativePanTiltSpaces = Set.copyOf(relativePanTiltSpaces);
        relativeZoomSpaces = Set.copyOf(relativeZoomSpaces);
        continuousPanTiltSpaces = Set.copyOf(continuousPanTiltSpaces);
        continuousZoomSpaces = Set.copyOf(continuousZoomSpaces);
    }

    public boolean supportsAbsolute() {
        return !absolutePanTiltSpaces.isEmpty() || !absoluteZoomSpaces.isEmpty();
    }

    public boolean supportsRelative() {
        return !relativePanTiltSpaces.isEmpty() || !relativeZoomSpaces.isEmpty();
    }

    public boolean supportsContinuous() {
        return !continuousPanTiltSpaces.isEmpty() || !continuousZoomSpaces.isEmpty();
    }
}
