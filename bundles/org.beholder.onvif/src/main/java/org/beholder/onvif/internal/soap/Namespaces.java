package org.beholder.onvif.internal.soap;

/** The namespaces requests are written in. Answers are read by local names, so these matter only outbound. */
public final class Namespaces {
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String ADDRESSING = "http://www.w3.org/2005/08/addressing";
    public static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    public static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    public static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    public static final String MEDIA2 = "http://www.onvif.org/ver20/media/wsdl";
    public static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    public static final String IMAGING = "http://www.onvif.org/ver20/imaging/wsdl";
    public static final String EVENTS = "http://www.onvif.org/ver10/events/wsdl";
    public static final String NOTIFICATION = "http://docs.oasis-open.org/wsn/b-2";
    public static final String RECORDING = "http://www.onvif.org/ver10/recording/wsdl";
    public static final String SEARCH = "http://www.onvif.org/ver10/search/wsdl";
    public static final String REPLAY = "http://www.onvif.org/ver10/replay/wsdl";
    public static final String DEVICE_IO = "http://www.onvif.org/ver10/deviceIO/wsdl";
    public static final String ACCESS_CONTROL = "http://www.onvif.org/ver10/accesscontrol/wsdl";
    public static final String DOOR_CONTROL = "http://www.onvif.org/ver10/doorcontrol/wsdl";

    /** Prefix declarations put on every request envelope, so request bodies may use these prefixes freely. */
    static final String DECLARATIONS = " xmlns:s=\"" + SOAP12 + "\" xmlns:a=\"" + ADDRESSING + "\""
            + " xmlns:tt=\"" + SCHEMA + "\" xmlns:tds=\"" + DEVICE + "\" xmlns:trt=\"" + MEDIA + "\""
            + " xmlns:tr2=\"" + MEDIA2 + "\" xmlns:tptz=\"" + PTZ + "\" xmlns:timg=\"" + IMAGING + "\""
            + " xmlns:tev=\"" + EVENTS + "\" xmlns:wsnt=\"" + NOTIFICATION + "\" xmlns:trc=\"" + RECORDING + "\""
            + " xmlns:tse=\"" + SEARCH + "\" xmlns:trp=\"" + REPLAY + "\"";

    private Namespaces() {
    }
}
