package org.beholder.onvif;

import static org.beholder.onvif.OnvifDeviceTest.ownFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDiscoveryResponder;
import org.beholder.onvif.testserver.MulticastDiscoveryMain;
import org.junit.jupiter.api.Test;

/** WS-Discovery over loopback only; the multicast case runs in a network namespace of its own. */
class OnvifDiscoveryTest {
    private final OnvifDiscovery discovery = new OnvifDiscovery();

    @Test
    void unicastProbeFindsTheDeviceAndPrefersTheAddressThatAnswered() throws Exception {
        try (FakeDiscoveryResponder device = FakeDiscoveryResponder.unicast(
                "http://10.9.8.7/onvif/device_service http://127.0.0.1:8080/onvif/device_service")) {
            List<DiscoveredDevice> found = discovery.probe(device.address(), Duration.ofMillis(1500));

            assertEquals(1, found.size(), "two probes, two answers, one device");
            DiscoveredDevice d = found.get(0);
            assertEquals("127.0.0.1:8080", d.address());
            assertEquals(URI.create("http://127.0.0.1:8080/onvif/device_service"), d.deviceService());
            assertEquals(2, d.xaddrs().size());
            assertEquals("uuid:c9790c3a-701b-464d-a189-0060351c8ada", d.endpoint());
            assertEquals(List.of("NetworkVideoTransmitter", "Device"), d.types());
            assertEquals("PREDATOR", d.scopes().name());
            assertEquals("HD_PREDATOR", d.scopes().hardware());
            assertEquals(List.of("Streaming"), d.scopes().profiles());
            assertEquals("127.0.0.1", d.respondedFrom());

            assertEquals(List.of("dn:NetworkVideoTransmitter", "tds:Device"), device.probes().stream()
                    .map(p -> Xml.textOr(p, "", "Body", "Probe", "Types")).toList());
            assertEquals("http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe",
                    Xml.textOr(device.probes().get(0), "", "Header", "Action"));
        }
    }

    @Test
    void xaddrsNamingOnlyAnotherAddressAreMovedOntoTheOneThatAnswered() throws Exception {
        try (FakeDiscoveryResponder device = FakeDiscoveryResponder.unicast(
                "http://192.168.0.99:8899/onvif/device_service")) {
            DiscoveredDevice d = discovery.probe(device.address(), Duration.ofMillis(1500)).get(0);

            assertEquals("127.0.0.1:8899", d.address());
            assertEquals(URI.create("http://127.0.0.1:8899/onvif/device_service"), d.deviceService());
            assertEquals(URI.create("http://192.168.0.99:8899/onvif/device_service"), d.xaddrs().get(0));
        }
    }

    @Test
    void junkAndEntityAttacksAmongTheAnswersAreIgnored() throws Exception {
        try (FakeDiscoveryResponder device = FakeDiscoveryResponder.unicast("http://127.0.0.1/onvif/device_service")) {
            device.junkFirst("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<e>&x;</e>");
            device.junkFirst("\u0000\u0001 not xml at all");
            List<DiscoveredDevice> found = discovery.probe(device.address(), Duration.ofMillis(1500));

            assertEquals(1, found.size());
            assertEquals("127.0.0.1", found.get(0).address());
        }
    }

    @Test
    void helloAndByeAreReported() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        OnvifDiscovery testGroup = new OnvifDiscovery(new InetSocketAddress("239.255.255.250", port));
        LinkedBlockingQueue<DiscoveryAnnouncement> heard = new LinkedBlockingQueue<>(16);
        try (AutoCloseable listening = testGroup.listen(heard::offer);
                DatagramSocket sender = new DatagramSocket()) {
            for (String fixture : List.of("wsd.Hello.xml", "wsd.Bye.xml")) {
                byte[] bytes = ownFixture(fixture).getBytes(StandardCharsets.UTF_8);
                sender.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
            }
            DiscoveryAnnouncement hello = heard.poll(5, TimeUnit.SECONDS);
            DiscoveryAnnouncement bye = heard.poll(5, TimeUnit.SECONDS);

            assertEquals(DiscoveryAnnouncement.Kind.HELLO, hello.kind());
            assertEquals("Garage Cam", hello.device().scopes().name());
            assertEquals(List.of("Streaming", "T"), hello.device().scopes().profiles());
            assertEquals("garage", hello.device().scopes().location());
            // Announced 172.16.0.10, heard from loopback: the address that reached us wins.
            assertEquals(URI.create("http://127.0.0.1/onvif/device_service"), hello.device().deviceService());
            assertEquals(DiscoveryAnnouncement.Kind.BYE, bye.kind());
            assertEquals("urn:uuid:aa11bb22-cc33-4d44-8e55-ff6677889900", bye.device().endpoint());
        }
    }

    /**
     * The real multicast group and port, but in a new network namespace with only loopback, so no real
     * network sees a packet. Needs root (for unshare) and iproute2.
     */
    @Test
    void multicastProbeInsideANetworkNamespaceWithOnlyLoopback() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: the multicast WS-Discovery test needs root to create a network namespace (unshare -n)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && (Files.isExecutable(Path.of("/usr/sbin/ip"))
                || Files.isExecutable(Path.of("/sbin/ip"))),
                "skipped: the multicast WS-Discovery test needs unshare and ip (util-linux, iproute2)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && "
                + "exec \"$0\" -cp \"$1\" " + MulticastDiscoveryMain.class.getName();
        Process child = new ProcessBuilder("unshare", "--net", "sh", "-c", script, java,
                System.getProperty("java.class.path")).redirectErrorStream(true).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            child.destroyForcibly();
        }
        assumeTrue(!output.contains("unshare failed") && !output.contains("Operation not permitted"),
                "skipped: this machine does not allow network namespaces: " + output);
        assertTrue(ended, "the namespace test ended");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("FOUND 127.0.0.1 PREDATOR http://127.0.0.1/onvif/device_service"), output);
    }
}
