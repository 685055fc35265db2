package org.beholder.onvif.internal.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import org.beholder.onvif.Credentials;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.OnvifException.Kind;
import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.FakeDevice.Answer;
import org.beholder.onvif.testserver.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class SoapTransportTest {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final String INFO = "http://www.onvif.org/ver10/device/wsdl/GetDeviceInformation";
    private static final String INFO_BODY = "<tds:GetDeviceInformation/>";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private FakeDevice device;

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    private SoapTransport transport(String password, Duration timeout, long maxBytes, boolean synced) {
        DeviceClock clock = new DeviceClock(InstantSource.system());
        if (synced) {
            clock.synchronize(device.deviceNow());
        }
        return new SoapTransport(http, new Credentials("admin", password), clock, timeout, maxBytes);
    }

    private SoapTransport transport() {
        return transport(PASSWORD, Duration.ofSeconds(5), 1 << 20, true);
    }

    private Element info(SoapTransport transport) throws OnvifException {
        return transport.call(SoapRequest.of(device.deviceService(), INFO, INFO_BODY));
    }

    @Test
    void passwordDigestIsAcceptedWhenTheClockOffsetIsApplied() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ofHours(-3).minusMinutes(7));
        device.answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"));

        Element answer = info(transport());

        assertEquals("Mockup Model", Xml.text(answer, "Model").orElseThrow());
        FakeDevice.Received request = device.received("GetDeviceInformation").get(0);
        assertTrue(request.contentType().contains("action=\"" + INFO + "\""), request.contentType());
        assertTrue(request.body().contains("#PasswordDigest"));
        assertFalse(request.body().contains(PASSWORD), "the password itself is never sent");
    }

    @Test
    void withoutTheClockOffsetTheSameDeviceRefusesTheToken() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ofHours(-3));
        device.answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"));

        OnvifException e = assertThrows(OnvifException.class,
                () -> info(transport(PASSWORD, Duration.ofSeconds(5), 1 << 20, false)));
        assertEquals(Kind.WRONG_CREDENTIALS, e.kind());
    }

    @Test
    void wrongPasswordIsWrongCredentialsAndNeverShowsThePassword() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"));

        OnvifException e = assertThrows(OnvifException.class,
                () -> info(transport("wrong-Pa55", Duration.ofSeconds(5), 1 << 20, true)));
        assertEquals(Kind.WRONG_CREDENTIALS, e.kind());
        assertFalse(e.getMessage().contains("wrong-Pa55"));
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    void httpDigestIsAnsweredWithSha256WhenOffered() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO).auth(FakeDevice.Auth.HTTP_DIGEST);
        device.answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"));
        SoapTransport transport = transport();

        assertEquals("MOCKUP", Xml.text(info(transport), "HardwareId").orElseThrow());
        assertEquals("MOCKUP", Xml.text(info(transport), "HardwareId").orElseThrow());
        // First call: challenge + answer; the second reuses the challenge with the next nonce count.
        assertEquals(3, device.received("GetDeviceInformation").size());
    }

    @Test
    void httpDigestWithMd5Only() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO).auth(FakeDevice.Auth.HTTP_DIGEST);
        device.digestAlgorithms(List.of("MD5"));
        device.answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"));

        assertEquals("Mockup Manufacturer", Xml.text(info(transport()), "Manufacturer").orElseThrow());
    }

    @Test
    void httpDigestWithWrongPasswordIsWrongCredentials() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO).auth(FakeDevice.Auth.HTTP_DIGEST);
        device.answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"));

        OnvifException e = assertThrows(OnvifException.class,
                () -> info(transport("nope", Duration.ofSeconds(5), 1 << 20, true)));
        assertEquals(Kind.WRONG_CREDENTIALS, e.kind());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    }

    @Test
    void soap12FaultCarriesItsReason() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation",
                r -> new Answer(500, FakeDevice.fault("ter:InvalidArgVal", "The requested profile does not exist"),
                        Map.of(), 0));

        OnvifException e = assertThrows(OnvifException.class, () -> info(transport()));
        assertEquals(Kind.SOAP_FAULT, e.kind());
        assertEquals("The requested profile does not exist", e.faultReason());
        assertTrue(e.getMessage().contains("InvalidArgVal"), e.getMessage());
    }

    @Test
    void soap11FaultCarriesItsReason() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation", r -> new Answer(500, """
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>
                <SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>Internal camera error</faultstring>
                </SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>""", Map.of(), 0));

        OnvifException e = assertThrows(OnvifException.class, () -> info(transport()));
        assertEquals(Kind.SOAP_FAULT, e.kind());
        assertEquals("Internal camera error", e.faultReason());
    }

    @Test
    void theFixturesFaultWithUndeclaredPrefixAndBadDeclarationIsStillAFault() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation", r -> new Answer(400, Fixtures.raw("Error.xml"), Map.of(), 0));

        OnvifException e = assertThrows(OnvifException.class, () -> info(transport()));
        assertEquals(Kind.SOAP_FAULT, e.kind());
        assertEquals("fault reason", e.faultReason());
        assertTrue(e.getMessage().contains("ter:fault subcode"), e.getMessage());
    }

    @Test
    void slowAnswerIsATimeoutNotAHang() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation",
                r -> new Answer(200, Fixtures.filled("GetDeviceInformation.xml"), Map.of(), 5_000));
        SoapTransport transport = transport(PASSWORD, Duration.ofMillis(300), 1 << 20, true);

        OnvifException e = assertTimeoutPreemptively(Duration.ofSeconds(4),
                () -> assertThrows(OnvifException.class, () -> info(transport)));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("no answer within 300 ms"), e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SoapTransport transport = new SoapTransport(http, new Credentials("admin", PASSWORD),
                new DeviceClock(InstantSource.system()), Duration.ofSeconds(2), 1 << 20);

        OnvifException e = assertThrows(OnvifException.class, () -> transport.call(
                SoapRequest.of(URI.create("http://127.0.0.1:" + port + "/onvif/device_service"), INFO, INFO_BODY)));
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    void http404AndActionNotSupportedAreAMissingService() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation", r -> new Answer(404, "<html>Not Found</html>", Map.of(), 0));
        assertEquals(Kind.SERVICE_MISSING, assertThrows(OnvifException.class, () -> info(transport())).kind());

        // No answer configured: the fake device sends ter:ActionNotSupported.
        OnvifException e = assertThrows(OnvifException.class, () -> transport().call(SoapRequest.of(
                device.deviceService(), "http://www.onvif.org/ver10/device/wsdl/GetDot1XConfigurations",
                "<tds:GetDot1XConfigurations/>")));
        assertEquals(Kind.SERVICE_MISSING, e.kind());
    }

    @Test
    void malformedXmlIsAMalformedAnswer() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation", "<s:Envelope><s:Body><Broken></s:Body>");

        assertEquals(Kind.MALFORMED_ANSWER, assertThrows(OnvifException.class, () -> info(transport())).kind());
    }

    @Test
    void externalEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation", """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "%s">]>
                <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><GetDeviceInformationResponse>
                <Manufacturer>&xxe;</Manufacturer></GetDeviceInformationResponse></s:Body></s:Envelope>"""
                .formatted(secret.toUri()));

        OnvifException e = assertThrows(OnvifException.class, () -> info(transport()));
        assertEquals(Kind.MALFORMED_ANSWER, e.kind());
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void answersLargerThanTheLimitAreRefused() throws Exception {
        device = new FakeDevice("admin", PASSWORD, Duration.ZERO);
        device.answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml") + " ".repeat(10_000));

        OnvifException e = assertThrows(OnvifException.class,
                () -> info(transport(PASSWORD, Duration.ofSeconds(5), 4_096L, true)));
        assertEquals(Kind.MALFORMED_ANSWER, e.kind());
        assertTrue(e.getMessage().contains("larger than 4096 bytes"), e.getMessage());
    }
}
