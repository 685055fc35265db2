package org.beholder.onvif.testserver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.beholder.onvif.internal.soap.HttpDigest;
import org.beholder.onvif.internal.soap.UsernameToken;
import org.beholder.onvif.internal.xml.SafeXml;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A protocol test server on loopback that plays an ONVIF device: answers by operation (the Body's first
 * element), checks every authenticated request's UsernameToken against its own clock (local time plus
 * {@code clockOffset}), or demands HTTP Digest, and records what the client sent.
 */
public final class FakeDevice implements AutoCloseable {
    public enum Auth { WS_SECURITY, HTTP_DIGEST, NONE }

    /** What the client sent, as the device saw it. */
    public record Received(String operation, String path, String contentType, String addressingAction,
            String addressingTo, String body, Element operationElement) {
    }

    /** One answer: status, body and optional extra headers, after an optional delay. */
    public record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Answer ok(String body) {
            return new Answer(200, body, Map.of(), 0);
        }
    }

    public static final String SOAP12_FAULT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error">
            <env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>%s</env:Value>
            </env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">%s</env:Text></env:Reason></env:Fault>
            </env:Body></env:Envelope>""";

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-onvif-device");
        thread.setDaemon(true);
        return thread;
    });
    private final String username;
    private final String password;
    private volatile Duration clockOffset;
    private volatile Auth auth = Auth.WS_SECURITY;
    private volatile java.util.function.Supplier<Instant> localClock = Instant::now;
    private final Map<String, Function<Received, Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> digestAlgorithms = new CopyOnWriteArrayList<>(List.of("SHA-256", "MD5"));

    public FakeDevice(String username, String password, Duration clockOffset) throws IOException {
        this.username = username;
        this.password = password;
        this.clockOffset = clockOffset;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        answer("GetSystemDateAndTime", r -> Answer.ok(systemDateAndTime(deviceNow())));
    }

    public URI deviceService() {
        return uri("/onvif/device_service");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public Instant deviceNow() {
        return localClock.get().plus(clockOffset);
    }

    /** The device's clock jumps (NTP after boot, someone sets it). */
    public void clockOffset(Duration offset) {
        clockOffset = offset;
    }

    /** Lets a test drive the device's clock (its offset is kept on top). */
    public FakeDevice clock(java.util.function.Supplier<Instant> local) {
        localClock = local;
        return this;
    }

    public FakeDevice auth(Auth newAuth) {
        auth = newAuth;
        return this;
    }

    public FakeDevice answer(String operation, Function<Received, Answer> answer) {
        answers.put(operation, answer);
        return this;
    }

    /** The answer configured for an operation (to wrap it). */
    public Function<Received, Answer> answerFor(String operation) {
        return answers.get(operation);
    }

    public FakeDevice answer(String operation, String body) {
        return answer(operation, r -> Answer.ok(body));
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String operation) {
        return received.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    public static String systemDateAndTime(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        return """
                <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema">
                <s:Body><GetSystemDateAndTimeResponse xmlns="http://www.onvif.org/ver10/device/wsdl"><SystemDateAndTime>
                <tt:DateTimeType>NTP</tt:DateTimeType><tt:UTCDateTime><tt:Time><tt:Hour>%d</tt:Hour><tt:Minute>%d</tt:Minute>
                <tt:Second>%d</tt:Second></tt:Time><tt:Date><tt:Year>%d</tt:Year><tt:Month>%d</tt:Month><tt:Day>%d</tt:Day>
                </tt:Date></tt:UTCDateTime></SystemDateAndTime></GetSystemDateAndTimeResponse></s:Body></s:Envelope>"""
                .formatted(utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getYear(), utc.getMonthValue(),
                        utc.getDayOfMonth());
    }

    public static String fault(String subcode, String reason) {
        return SOAP12_FAULT.formatted(subcode, reason);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String body = new String(bytes, StandardCharsets.UTF_8);
            Element envelope;
            try {
                envelope = SafeXml.parse(bytes).getDocumentElement();
            } catch (SafeXml.XmlRefused e) {
                send(exchange, new Answer(400, "bad request", Map.of(), 0));
                return;
            }
            Element header = Xml.child(envelope, "Header").orElse(null);
            Element operation = Xml.children(Xml.child(envelope, "Body").orElseThrow()).get(0);
            String name = Xml.localName(operation);
            Received request = new Received(name, exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    header == null ? null : Xml.text(header, "Action").orElse(null),
                    header == null ? null : Xml.text(header, "To").orElse(null), body, operation);
            received.add(request);
            if (!name.equals("GetSystemDateAndTime")) {
                Answer refusal = checkAuth(exchange, header);
                if (refusal != null) {
                    send(exchange, refusal);
                    return;
                }
            }
            Function<Received, Answer> answer = answers.get(name);
            send(exchange, answer == null
                    ? new Answer(400, fault("ter:ActionNotSupported", "Optional Action Not Implemented"), Map.of(), 0)
                    : answer.apply(request));
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private Answer checkAuth(HttpExchange exchange, Element header) {
        switch (auth) {
            case NONE:
                return null;
            case HTTP_DIGEST:
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null && digestValid(authorization)) {
                    return null;
                }
                List<String> challenges = digestAlgorithms.stream().map(a -> "Digest realm=\"fake\", qop=\"auth\", "
                        + "nonce=\"" + HexFormat.of().formatHex(("n" + a).getBytes(StandardCharsets.UTF_8))
                        + "\", opaque=\"o\", algorithm=" + a).toList();
                return new Answer(401, "", Map.of("WWW-Authenticate", String.join("\n", challenges)), 0);
            default:
                if (header != null && tokenValid(header)) {
                    return null;
                }
                return new Answer(400, fault("ter:NotAuthorized", "Sender not Authorized"), Map.of(), 0);
        }
    }

    private boolean tokenValid(Element header) {
        var token = Xml.firstDescendant(header, "UsernameToken");
        if (token.isEmpty()) {
            return false;
        }
        String user = Xml.textOr(token.get(), "", "Username");
        String digest = Xml.textOr(token.get(), "", "Password");
        byte[] nonce = Base64.getDecoder().decode(Xml.textOr(token.get(), "", "Nonce"));
        String created = Xml.textOr(token.get(), "", "Created");
        boolean fresh = Duration.between(Instant.parse(created), deviceNow()).abs().toSeconds() < 10;
        return user.equals(username) && fresh && UsernameToken.digest(nonce, created, password).equals(digest);
    }

    private boolean digestValid(String authorization) {
        Map<String, String> p = HttpDigest.parameters(authorization.substring("Digest ".length()));
        String algorithm = p.getOrDefault("algorithm", "MD5");
        String ha1 = HttpDigest.hash(algorithm, username + ":" + p.get("realm") + ":" + password);
        String ha2 = HttpDigest.hash(algorithm, "POST:" + p.get("uri"));
        String expected = HttpDigest.hash(algorithm, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":"
                + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
        return p.get("username").equals(username) && expected.equals(p.get("response"))
                && "auth".equals(p.get("qop")) && "o".equals(p.get("opaque"));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        answer.headers().forEach((k, v) -> {
            for (String value : v.split("\n")) {
                exchange.getResponseHeaders().add(k, value);
            }
        });
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public void digestAlgorithms(List<String> algorithms) {
        digestAlgorithms.clear();
        digestAlgorithms.addAll(algorithms);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
