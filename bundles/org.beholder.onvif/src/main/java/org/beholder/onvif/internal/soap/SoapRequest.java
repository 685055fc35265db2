package org.beholder.onvif.internal.soap;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One SOAP call. {@code body} is the Body's content using the prefixes of {@link Namespaces}; {@code action}
 * goes into the Content-Type's action parameter, and also into WS-Addressing headers when {@code addressing}
 * (the event service's subscription managers need them to tell subscriptions apart).
 *
 * @param timeout null for the transport's default
 * @param extraHeaders SOAP header elements to add, such as a subscription's reference parameters ("" for none)
 */
public record SoapRequest(URI address, String action, String body, boolean authenticated, boolean addressing,
        Duration timeout, String extraHeaders) {
    public SoapRequest {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(extraHeaders, "extraHeaders");
    }

    public static SoapRequest of(URI address, String action, String body) {
        return new SoapRequest(address, action, body, true, false, null, "");
    }

    public SoapRequest unauthenticated() {
        return new SoapRequest(address, action, body, false, addressing, timeout, extraHeaders);
    }

    public SoapRequest withAddressing() {
        return new SoapRequest(address, action, body, authenticated, true, timeout, extraHeaders);
    }

    public SoapRequest withTimeout(Duration newTimeout) {
        return new SoapRequest(address, action, body, authenticated, addressing, newTimeout, extraHeaders);
    }

    public SoapRequest withHeaders(String headers) {
        return new SoapRequest(address, action, body, authenticated, addressing, timeout, headers);
    }
}
