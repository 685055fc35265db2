package org.beholder.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.beholder.onvif.internal.discovery.AddressPreference;
import org.beholder.onvif.internal.soap.HttpDigest;
import org.beholder.onvif.internal.soap.SoapTransport;
import org.junit.jupiter.api.Test;

/** The small helpers that decide addresses and read challenges. */
class AddressesTest {

    @Test
    void deviceServiceUriOfAHost() {
        assertEquals(URI.create("http://cam.local/onvif/device_service"), OnvifClient.deviceServiceUri("cam.local", 80));
        assertEquals(URI.create("http://10.0.0.5:8000/onvif/device_service"),
                OnvifClient.deviceServiceUri("10.0.0.5", 8000));
        assertEquals(URI.create("http://[fe80::1]:8080/onvif/device_service"),
                OnvifClient.deviceServiceUri("fe80::1", 8080));
    }

    @Test
    void serviceAddressesMoveOntoTheHostThatAnswered() {
        URI reached = URI.create("http://203.0.113.7:8081/onvif/device_service");
        assertEquals(URI.create("http://203.0.113.7:8081/onvif/Media?x=1"),
                OnvifClient.onHostOf(URI.create("http://192.168.1.10/onvif/Media?x=1"), reached));
        URI same = URI.create("http://203.0.113.7:9000/onvif/events");
        assertEquals(same, OnvifClient.onHostOf(same, reached), "same host: kept, port included");
    }

    @Test
    void discoveryPrefersTheAnsweringAddress() {
        List<URI> xaddrs = List.of(URI.create("http://169.254.3.3/onvif/device_service"),
                URI.create("http://192.168.1.20:8899/onvif/device_service"));
        assertEquals(xaddrs.get(1), AddressPreference.preferred(xaddrs, "192.168.1.20"));
        assertEquals(URI.create("http://10.1.1.1/onvif/device_service"),
                AddressPreference.preferred(xaddrs.subList(0, 1), "10.1.1.1"));
        assertEquals(URI.create("http://10.1.1.1/onvif/device_service"), AddressPreference.preferred(List.of(), "10.1.1.1"));
        assertEquals("192.168.1.20:8899", AddressPreference.hostAndPort(xaddrs.get(1)));
        assertEquals("169.254.3.3", AddressPreference.hostAndPort(xaddrs.get(0)));
    }

    @Test
    void digestChallengeParametersWithQuotedCommas() {
        Map<String, String> p = HttpDigest.parameters("realm=\"cam, front\", nonce=\"abc\", qop=\"auth,auth-int\", "
                + "algorithm=SHA-256, stale=TRUE");
        assertEquals("cam, front", p.get("realm"));
        assertEquals("auth,auth-int", p.get("qop"));
        assertEquals("SHA-256", p.get("algorithm"));
        HttpDigest chosen = HttpDigest.choose(List.of("Basic realm=\"x\"", "Digest realm=\"r\", nonce=\"n\", qop=\"auth\"",
                "Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-256")).orElseThrow();
        assertEquals("SHA-256", chosen.algorithm());
        assertFalse(chosen.stale());
        assertTrue(HttpDigest.choose(List.of("Basic realm=\"x\"")).isEmpty());
        String answer = chosen.authorization("POST", "/onvif/device_service", "admin", "secret");
        assertTrue(answer.contains("qop=auth, nc=00000001"), answer);
        assertFalse(answer.contains("secret"));
    }

    @Test
    void addressesInMessagesCarryNoUserInfo() {
        assertEquals("http://10.0.0.5:8000/onvif/device_service",
                SoapTransport.describe(URI.create("http://admin:secret@10.0.0.5:8000/onvif/device_service?x=y")));
    }

    @Test
    void credentialsHideThePassword() {
        assertEquals("Credentials[username=admin, password=***]", new Credentials("admin", "secret").toString());
    }
}
