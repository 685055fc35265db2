package org.beholder.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

import org.beholder.onvif.OnvifException.Kind;
import org.beholder.onvif.internal.parse.DeviceParser;
import org.beholder.onvif.internal.soap.Addresses;
import org.beholder.onvif.internal.soap.DeviceClock;
import org.beholder.onvif.internal.soap.SoapRequest;
import org.beholder.onvif.internal.soap.SoapTransport;
import org.w3c.dom.Element;

/**
 * The entry point: one per host, shared by all devices (it holds the HTTP client). {@link #connect} measures the
 * device's clock, finds its services and returns an {@link OnvifDevice}.
 */
public final class OnvifClient {
    private static final String DEVICE_NS = "http://www.onvif.org/ver10/device/wsdl/";

    private final OnvifOptions options;
    private final HttpClient http;

    public OnvifClient() {
        this(OnvifOptions.DEFAULTS);
    }

    public OnvifClient(OnvifOptions options) {
        this.options = options;
        // Devices speak HTTP/1.1 only; some break on an HTTP/2 upgrade header.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public OnvifOptions options() {
        return options;
    }

    /** The conventional device service address of a host: {@code http://host[:port]/onvif/device_service}. */
    public static URI deviceServiceUri(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + (port == 80 || port <= 0 ? "" : ":" + port) + "/onvif/device_service");
    }

    /**
     * Reads the device's clock without credentials (ONVIF allows it before authentication), then the addresses
     * of its services: GetServices, or GetCapabilities where GetServices is missing (pre-2.0 devices).
     */
    public OnvifDevice connect(URI deviceService, Credentials credentials) throws OnvifException {
        DeviceClock clock = new DeviceClock(options.clock());
        SoapTransport transport = new SoapTransport(http, credentials, clock, options.requestTimeout(),
                options.maxAnswerBytes());
        try {
            Element time = transport.call(SoapRequest.of(deviceService, DEVICE_NS + "GetSystemDateAndTime",
                    "<tds:GetSystemDateAndTime/>").unauthenticated());
            clock.synchronize(DeviceParser.systemDateAndTime(time));
        } catch (OnvifException e) {
            if (e.kind() == Kind.UNREACHABLE || e.kind() == Kind.TIMEOUT) {
                throw e;
            }
            // Some devices answer it only with credentials or not at all: carry on with no offset.
        }
        transport.clockSource(t -> DeviceParser.systemDateAndTime(t.call(SoapRequest.of(deviceService,
                DEVICE_NS + "GetSystemDateAndTime", "<tds:GetSystemDateAndTime/>").unauthenticated())));
        ServiceAddresses services = discoverServices(transport, deviceService);
        return new OnvifDevice(deviceService, transport, services);
    }

    private static ServiceAddresses discoverServices(SoapTransport transport, URI deviceService)
            throws OnvifException {
        ServiceAddresses services = new ServiceAddresses(Map.of());
        try {
            services = DeviceParser.services(transport.call(SoapRequest.of(deviceService, DEVICE_NS + "GetServices",
                    "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>")));
        } catch (OnvifException e) {
            if (e.kind() != Kind.SERVICE_MISSING && e.kind() != Kind.SOAP_FAULT) {
                throw e;
            }
        }
        if (!services.has(OnvifService.MEDIA) && !services.has(OnvifService.MEDIA2)) {
            ServiceAddresses capabilities = DeviceParser.capabilities(transport.call(SoapRequest.of(deviceService,
                    DEVICE_NS + "GetCapabilities",
                    "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>")));
            services = services.orElse(capabilities);
        }
        return reachable(services, deviceService);
    }

    /**
     * Devices behind NAT or with several interfaces report service addresses on a host we did not reach them
     * by; the address that answered is the one that works, so such addresses are moved onto it.
     */
    static ServiceAddresses reachable(ServiceAddresses services, URI deviceService) {
        Map<OnvifService, URI> fixed = new java.util.EnumMap<>(OnvifService.class);
        services.addresses().forEach((service, address) -> fixed.put(service, onHostOf(address, deviceService)));
        fixed.putIfAbsent(OnvifService.DEVICE, deviceService);
        return new ServiceAddresses(fixed);
    }

    static URI onHostOf(URI address, URI reached) {
        return Addresses.onHostOf(address, reached);
    }
}
