package org.beholder.onvif;

/** GetDeviceInformation: what a host shows as the device's properties. Missing fields are empty strings. */
public record DeviceInformation(String manufacturer, String model, String firmwareVersion, String serialNumber,
        String hardwareId) {
}
