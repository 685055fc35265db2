package org.beholder.onvif.internal.parse;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beholder.onvif.DeviceInformation;
import org.beholder.onvif.DeviceScopes;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.OnvifService;
import org.beholder.onvif.ServiceAddresses;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/** Answers of the device service. */
public final class DeviceParser {
    private DeviceParser() {
    }

    public static DeviceInformation deviceInformation(Element response) {
        return new DeviceInformation(Xml.textOr(response, "", "Manufacturer"), Xml.textOr(response, "", "Model"),
                Xml.textOr(response, "", "FirmwareVersion"), Xml.textOr(response, "", "SerialNumber"),
                Xml.textOr(response, "", "HardwareId"));
    }

    /**
     * The device's UTC time. Devices that send only LocalDateTime (seen on cheap cameras) are read as if that
     * were UTC: better a clock offset of the time zone than none.
     */
    public static Instant systemDateAndTime(Element response) throws OnvifException {
        Element time = Xml.child(response, "SystemDateAndTime").orElse(response);
        Optional<Element> dateTime = Xml.child(time, "UTCDateTime").or(() -> Xml.child(time, "LocalDateTime"));
        if (dateTime.isEmpty()) {
            throw MalformedAnswer.missing("GetSystemDateAndTime", "UTCDateTime");
        }
        Element d = dateTime.get();
        try {
            return LocalDateTime.of(Xml.integer(d, "Date", "Year").orElseThrow(),
                    Xml.integer(d, "Date", "Month").orElseThrow(), Xml.integer(d, "Date", "Day").orElseThrow(),
                    Xml.integer(d, "Time", "Hour").orElse(0), Xml.integer(d, "Time", "Minute").orElse(0),
                    Math.min(59, Xml.integer(d, "Time", "Second").orElse(0))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | java.util.NoSuchElementException e) {
            throw MalformedAnswer.missing("GetSystemDateAndTime", "valid date");
        }
    }

    /** GetServices: each Service's Namespace and XAddr. Unknown namespaces are ignored. */
    public static ServiceAddresses services(Element response) {
        Map<OnvifService, URI> addresses = new EnumMap<>(OnvifService.class);
        for (Element service : Xml.children(response, "Service")) {
            OnvifService known = Xml.text(service, "Namespace").map(OnvifService::byNamespace).orElse(null);
            Optional<URI> address = Xml.text(service, "XAddr").flatMap(DeviceParser::uri);
            if (known != null && address.isPresent()) {
                addresses.putIfAbsent(known, address.get());
            }
        }
        return new ServiceAddresses(addresses);
    }

    /** GetCapabilities: the XAddr of each category, including those under Extension (DeviceIO, Recording...). */
    public static ServiceAddresses capabilities(Element response) {
        Element capabilities = Xml.child(response, "Capabilities").orElse(response);
        Map<OnvifService, URI> addresses = new EnumMap<>(OnvifService.class);
        Map<String, OnvifService> categories = Map.of("Device", OnvifService.DEVICE, "Media", OnvifService.MEDIA,
                "PTZ", OnvifService.PTZ, "Events", OnvifService.EVENTS, "Imaging", OnvifService.IMAGING,
                "DeviceIO", OnvifService.DEVICE_IO, "Recording", OnvifService.RECORDING,
                "Search", OnvifService.SEARCH, "Replay", OnvifService.REPLAY);
        List<Element> sections = new ArrayList<>(Xml.children(capabilities));
        Xml.child(capabilities, "Extension").ifPresent(extension -> sections.addAll(Xml.children(extension)));
        for (Element section : sections) {
            OnvifService service = categories.get(Xml.localName(section));
            if (service != null) {
                Xml.text(section, "XAddr").flatMap(DeviceParser::uri).ifPresent(u -> addresses.putIfAbsent(service, u));
            }
        }
        return new ServiceAddresses(addresses);
    }

    /** True when GetCapabilities says the event service has a pull point. Absent means unknown: try it. */
    public static boolean pullPointSupported(Element response) {
        return Xml.firstDescendant(response, "WSPullPointSupport").map(e -> !"false".equals(e.getTextContent().trim()))
                .orElse(true);
    }

    public static DeviceScopes scopes(Element response) {
        List<String> items = new ArrayList<>();
        for (Element scope : Xml.children(response, "Scopes")) {
            Xml.text(scope, "ScopeItem").ifPresent(items::add);
        }
        return DeviceScopes.of(items);
    }

    static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text.trim());
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
