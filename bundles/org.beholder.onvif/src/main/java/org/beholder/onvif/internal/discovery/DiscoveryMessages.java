package org.beholder.onvif.internal.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.beholder.onvif.DeviceScopes;
import org.beholder.onvif.DiscoveredDevice;
import org.beholder.onvif.DiscoveryAnnouncement;
import org.beholder.onvif.internal.xml.SafeXml;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/** WS-Discovery (2005/04, the version ONVIF uses) messages: the Probe we send, the matches and announcements. */
public final class DiscoveryMessages {
    public static final String NETWORK_VIDEO_TRANSMITTER = "dn:NetworkVideoTransmitter";
    /** Recorders (NVS) and other devices answer to the device type rather than the transmitter type. */
    public static final String DEVICE = "tds:Device";

    private DiscoveryMessages() {
    }

    public static String probe(String messageId, String types) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\""
                + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Header>"
                + "<a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
                + "<a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>"
                + "</s:Header><s:Body><d:Probe><d:Types>" + types + "</d:Types></d:Probe></s:Body></s:Envelope>";
    }

    /** The devices in a ProbeMatches datagram; empty for anything else (including unparseable bytes). */
    public static List<DiscoveredDevice> probeMatches(byte[] datagram, String respondedFrom) {
        List<DiscoveredDevice> devices = new ArrayList<>();
        Optional<Element> body = body(datagram);
        body.flatMap(b -> Xml.child(b, "ProbeMatches")).ifPresent(matches -> {
            for (Element match : Xml.children(matches, "ProbeMatch")) {
                devices.add(device(match, respondedFrom));
            }
        });
        return devices;
    }

    /** A Hello or Bye, if the datagram is one. */
    public static Optional<DiscoveryAnnouncement> announcement(byte[] datagram, String respondedFrom) {
        Optional<Element> body = body(datagram);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Optional<Element> hello = Xml.child(body.get(), "Hello");
        if (hello.isPresent()) {
            return Optional.of(new DiscoveryAnnouncement(DiscoveryAnnouncement.Kind.HELLO,
                    device(hello.get(), respondedFrom)));
        }
        return Xml.child(body.get(), "Bye").map(bye -> new DiscoveryAnnouncement(DiscoveryAnnouncement.Kind.BYE,
                device(bye, respondedFrom)));
    }

    private static Optional<Element> body(byte[] datagram) {
        try {
            return Xml.child(SafeXml.parse(datagram).getDocumentElement(), "Body");
        } catch (SafeXml.XmlRefused e) {
            return Optional.empty();
        }
    }

    static DiscoveredDevice device(Element match, String respondedFrom) {
        List<URI> xaddrs = new ArrayList<>();
        for (String x : words(Xml.textOr(match, "", "XAddrs"))) {
            try {
                URI uri = new URI(x);
                if (uri.getHost() != null) {
                    xaddrs.add(uri);
                }
            } catch (URISyntaxException e) {
                // A broken XAddr among good ones is skipped.
            }
        }
        List<String> types = words(Xml.textOr(match, "", "Types")).stream()
                .map(t -> t.substring(t.indexOf(':') + 1)).toList();
        DeviceScopes scopes = DeviceScopes.of(words(Xml.textOr(match, "", "Scopes")));
        URI preferred = AddressPreference.preferred(xaddrs, respondedFrom);
        return new DiscoveredDevice(preferred == null ? respondedFrom : AddressPreference.hostAndPort(preferred),
                preferred, xaddrs, Xml.textOr(match, "", "EndpointReference", "Address"), types, scopes,
                respondedFrom);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
