package org.beholder.onvif;

/** A device's unsolicited WS-Discovery Hello (joined the network) or Bye (leaving it). */
public record DiscoveryAnnouncement(Kind kind, DiscoveredDevice device) {
    public enum Kind { HELLO, BYE }
}
