package org.beholder.onvif;

/** A PTZ configuration and the node it drives. */
public record PtzConfiguration(String token, String name, String nodeToken) {
}
