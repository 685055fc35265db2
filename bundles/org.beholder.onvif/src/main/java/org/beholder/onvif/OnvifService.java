package org.beholder.onvif;

/** The ONVIF services this client knows, by the namespace devices name them with in GetServices. */
public enum OnvifService {
    DEVICE("http://www.onvif.org/ver10/device/wsdl"),
    MEDIA("http://www.onvif.org/ver10/media/wsdl"),
    MEDIA2("http://www.onvif.org/ver20/media/wsdl"),
    PTZ("http://www.onvif.org/ver20/ptz/wsdl"),
    EVENTS("http://www.onvif.org/ver10/events/wsdl"),
    IMAGING("http://www.onvif.org/ver20/imaging/wsdl"),
    RECORDING("http://www.onvif.org/ver10/recording/wsdl"),
    SEARCH("http://www.onvif.org/ver10/search/wsdl"),
    REPLAY("http://www.onvif.org/ver10/replay/wsdl"),
    DEVICE_IO("http://www.onvif.org/ver10/deviceIO/wsdl"),
    ACCESS_CONTROL("http://www.onvif.org/ver10/accesscontrol/wsdl"),
    DOOR_CONTROL("http://www.onvif.org/ver10/doorcontrol/wsdl");

    private final String namespace;

    OnvifService(String namespace) {
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    /** The service with that namespace, or null; trailing slashes and case are forgiven (seen on devices). */
    public static OnvifService byNamespace(String namespace) {
        String wanted = namespace.trim().replaceAll("/+$", "");
        for (OnvifService service : values()) {
            if (service.namespace.equalsIgnoreCase(wanted)) {
                return service;
            }
        }
        return null;
    }
}
