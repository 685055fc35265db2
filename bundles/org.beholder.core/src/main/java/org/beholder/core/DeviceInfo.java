package org.beholder.core;

/**
 * What a camera says about itself (through ONVIF): shown as openHAB Thing properties and in the channel JSON.
 * Missing fields are empty strings.
 */
public record DeviceInfo(String vendor, String model, String firmware, String serial) {
}
