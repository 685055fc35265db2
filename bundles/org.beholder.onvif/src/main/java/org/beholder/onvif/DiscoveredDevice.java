package org.beholder.onvif;

import java.net.URI;
import java.util.List;

/**
 * A device that answered a WS-Discovery Probe (or announced itself with Hello).
 *
 * @param address host[:port] of {@code deviceService}, what a user puts in a channel's {@code onvif} setting
 * @param deviceService the device service address to connect to: the XAddr on the address that answered, or
 *     the first XAddr moved onto that address when the device names only others (NAT, several interfaces)
 * @param xaddrs every XAddr exactly as the device sent them
 * @param endpoint the device's stable endpoint reference (usually urn:uuid:...), "" when it sent none
 * @param types the Types it claims (NetworkVideoTransmitter, Device...), prefixes removed
 * @param respondedFrom the IP address the answer came from ("" for announcements parsed from bytes alone)
 */
public record DiscoveredDevice(String address, URI deviceService, List<URI> xaddrs, String endpoint,
        List<String> types, DeviceScopes scopes, String respondedFrom) {
    public DiscoveredDevice {
        xaddrs = List.copyOf(xaddrs);
        types = List.copyOf(types);
    }
}
