package org.beholder.onvif.internal.soap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.beholder.onvif.Credentials;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.OnvifException.Kind;
import org.beholder.onvif.internal.xml.SafeXml;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sends SOAP 1.2 requests to one device and turns every way that can go wrong into an {@link OnvifException}
 * of the right kind. Authenticates with a UsernameToken on every authenticated call, and additionally answers
 * an HTTP Digest challenge when the device sends one. The whole exchange, body included, is bounded in time
 * and size. Messages name the address without user info and never the credentials.
 */
public final class SoapTransport {
    private final HttpClient http;
    private final Credentials credentials;
    private final DeviceClock clock;
    private final Duration defaultTimeout;
    private final long maxAnswerBytes;
    private volatile HttpDigest digest;
    private volatile ClockSource clockSource;

    /** Reads the device's current time, without credentials; set by whoever knows the device service. */
    @FunctionalInterface
    public interface ClockSource {
        java.time.Instant read(SoapTransport transport) throws OnvifException;
    }

    /**
     * A device whose clock jumped after we measured it (NTP after boot, a manual change) refuses every token
     * from then on; with a clock source, such a refusal re-reads the clock and tries once more.
     */
    public void clockSource(ClockSource source) {
        clockSource = source;
    }

    public SoapTransport(HttpClient http, Credentials credentials, DeviceClock clock, Duration defaultTimeout,
            long maxAnswerBytes) {
        this.http = http;
        this.credentials = credentials;
        this.clock = clock;
        this.defaultTimeout = defaultTimeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    public DeviceClock clock() {
        return clock;
    }

    /** Sends the request and returns the Body's first element (the operation's response). */
    public Element call(SoapRequest request) throws OnvifException {
        try {
            return callOnce(request);
        } catch (OnvifException e) {
            ClockSource source = clockSource;
            if (e.kind() != Kind.WRONG_CREDENTIALS || e.faultReason() == null || source == null
                    || !request.authenticated() || credentials.isEmpty()) {
                throw e;
            }
            Duration before = clock.offset();
            try {
                clock.synchronize(source.read(this));
            } catch (OnvifException unreadable) {
                throw e;
            }
            if (clock.offset().minus(before).abs().compareTo(CLOCK_JUMP) < 0) {
                throw e;
            }
            return callOnce(request);
        }
    }

    /** A smaller change of the offset would not explain a refused token. */
    private static final Duration CLOCK_JUMP = Duration.ofSeconds(5);

    private Element callOnce(SoapRequest request) throws OnvifException {
        Duration timeout = request.timeout() != null ? request.timeout() : defaultTimeout;
        String where = describe(request.address());
        String operation = request.action().substring(request.action().lastIndexOf('/') + 1);
        HttpResponse<byte[]> response = exchange(request, timeout, where, null);
        if (response.statusCode() == 401 && request.authenticated() && !credentials.isEmpty()) {
            Optional<HttpDigest> challenge = HttpDigest.choose(response.headers().allValues("WWW-Authenticate"));
            if (challenge.isPresent()) {
                digest = challenge.get();
                response = exchange(request, timeout, where, digest);
            }
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new OnvifException(Kind.WRONG_CREDENTIALS, operation + " at " + where
                    + ": the device refused the user name or password (HTTP " + response.statusCode() + ")");
        }
        return answer(response, operation, where);
    }

    private Element answer(HttpResponse<byte[]> response, String operation, String where) throws OnvifException {
        int status = response.statusCode();
        Document document = null;
        if (response.body().length > 0) {
            try {
                document = SafeXml.parse(response.body());
            } catch (SafeXml.XmlRefused e) {
                if (status == 404) {
                    throw missing(operation, where, "HTTP 404");
                }
                if (status >= 200 && status < 300) {
                    throw new OnvifException(Kind.MALFORMED_ANSWER,
                            operation + " at " + where + ": " + e.getMessage(), null, e);
                }
            }
        }
        Optional<Element> body = Optional.ofNullable(document).flatMap(d -> Xml.child(d.getDocumentElement(), "Body"));
        Optional<SoapFault> fault = body.flatMap(SoapFault::from);
        if (fault.isPresent()) {
            throw fromFault(fault.get(), operation, where);
        }
        if (status == 404) {
            throw missing(operation, where, "HTTP 404");
        }
        if (status < 200 || status >= 300) {
            throw new OnvifException(Kind.HTTP_ERROR, operation + " at " + where + ": HTTP " + status);
        }
        if (body.isEmpty()) {
            throw new OnvifException(Kind.MALFORMED_ANSWER, operation + " at " + where + ": no SOAP Body in the answer");
        }
        return Xml.children(body.get()).stream().findFirst()
                .orElseThrow(() -> new OnvifException(Kind.MALFORMED_ANSWER,
                        operation + " at " + where + ": an empty SOAP Body"));
    }

    private static OnvifException fromFault(SoapFault fault, String operation, String where) {
        String text = operation + " at " + where + ": ";
        if (fault.names("NotAuthorized") || fault.names("FailedAuthentication")
                || fault.reason().toLowerCase().contains("not authorized")) {
            return new OnvifException(Kind.WRONG_CREDENTIALS,
                    text + "the device refused the user name or password: " + fault.describe(), fault.reason(), null);
        }
        if (fault.names("ActionNotSupported") || fault.names("NoSuchService")
                || fault.names("ActionNotSupportedFault")) {
            return new OnvifException(Kind.SERVICE_MISSING,
                    text + "the device does not support it: " + fault.describe(), fault.reason(), null);
        }
        return new OnvifException(Kind.SOAP_FAULT, text + "SOAP fault: " + fault.describe(), fault.reason(), null);
    }

    private static OnvifException missing(String operation, String where, String why) {
        return new OnvifException(Kind.SERVICE_MISSING, operation + " at " + where
                + ": the device does not offer this service (" + why + ")");
    }

    private HttpResponse<byte[]> exchange(SoapRequest request, Duration timeout, String where, HttpDigest answer)
            throws OnvifException {
        String envelope = envelope(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.address())
                .timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + request.action() + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (answer != null) {
            String path = request.address().getRawPath() == null || request.address().getRawPath().isEmpty()
                    ? "/" : request.address().getRawPath();
            if (request.address().getRawQuery() != null) {
                path += "?" + request.address().getRawQuery();
            }
            builder.header("Authorization", answer.authorization("POST", path, credentials.username(),
                    credentials.password()));
        } else if (digest != null && request.authenticated() && !credentials.isEmpty()) {
            return exchange(request, timeout, where, digest);
        }
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(builder.build(), info -> new BoundedBody(maxAnswerBytes));
        try {
            // The HTTP client's timeout ends at the headers; this one covers a body that trickles in too.
            return pending.get(timeout.toMillis() + 1_000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(request, where, timeout, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new OnvifException(Kind.TIMEOUT, operationOf(request) + " at " + where + ": interrupted", null, e);
        } catch (ExecutionException e) {
            throw fromIo(request, where, timeout, e.getCause());
        }
    }

    private static OnvifException fromIo(SoapRequest request, String where, Duration timeout, Throwable cause) {
        String operation = operationOf(request);
        if (cause instanceof BoundedBody.TooLarge) {
            return new OnvifException(Kind.MALFORMED_ANSWER, operation + " at " + where + ": " + cause.getMessage(),
                    null, cause);
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnresolvedAddressException
                || cause != null && cause.getCause() instanceof UnresolvedAddressException) {
            return new OnvifException(Kind.UNREACHABLE, operation + ": cannot connect to " + where + " ("
                    + cause.getClass().getSimpleName() + ")", null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(request, where, timeout, cause);
        }
        String detail = cause == null ? "unknown" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new OnvifException(cause instanceof IOException ? Kind.UNREACHABLE : Kind.HTTP_ERROR,
                operation + " at " + where + ": connection failed (" + detail + ")", null, cause);
    }

    private static OnvifException timeout(SoapRequest request, String where, Duration timeout, Throwable cause) {
        return new OnvifException(Kind.TIMEOUT, operationOf(request) + " at " + where + ": no answer within "
                + timeout.toMillis() + " ms", null, cause);
    }

    private static String operationOf(SoapRequest request) {
        return request.action().substring(request.action().lastIndexOf('/') + 1);
    }

    private String envelope(SoapRequest request) {
        StringBuilder xml = new StringBuilder(512 + request.body().length());
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope").append(Namespaces.DECLARATIONS)
                .append("><s:Header>");
        if (request.authenticated() && !credentials.isEmpty()) {
            xml.append(UsernameToken.header(credentials.username(), credentials.password(), clock.deviceNow()));
        }
        if (request.addressing()) {
            xml.append("<a:Action s:mustUnderstand=\"1\">").append(Xml.escape(request.action()))
                    .append("</a:Action><a:MessageID>urn:uuid:").append(UUID.randomUUID())
                    .append("</a:MessageID><a:To s:mustUnderstand=\"1\">")
                    .append(Xml.escape(request.address().toString())).append("</a:To>");
        }
        xml.append(request.extraHeaders());
        xml.append("</s:Header><s:Body>").append(request.body()).append("</s:Body></s:Envelope>");
        return xml.toString();
    }

    /** The address for messages: scheme, host, port and path, never user info or query. */
    public static String describe(URI address) {
        String port = address.getPort() < 0 ? "" : ":" + address.getPort();
        return address.getScheme() + "://" + address.getHost() + port + (address.getPath() == null ? "" : address.getPath());
    }
}
