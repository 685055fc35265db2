package org.beholder.core;

import java.util.List;

/**
 * A camera or recorder that answered ONVIF's WS-Discovery.
 *
 * @param address  host[:port] to put in a camera's {@code onvif} setting (openHAB: {@code onvifHost}/{@code onvifPort})
 * @param xaddrs   the device service addresses exactly as the device sent them
 * @param name     from its scopes, e.g. the name set in the camera; may be empty
 * @param profiles the ONVIF profiles it claims, e.g. Streaming, T, G
 */
public record DiscoveredCamera(String address, List<String> xaddrs, String name, String hardware, String location,
        List<String> profiles) {

    public DiscoveredCamera {
        xaddrs = List.copyOf(xaddrs);
        profiles = List.copyOf(profiles);
    }
}
