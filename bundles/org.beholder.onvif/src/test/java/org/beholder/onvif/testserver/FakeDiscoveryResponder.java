package org.beholder.onvif.testserver;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beholder.onvif.internal.xml.SafeXml;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/**
 * A device's WS-Discovery side on loopback: answers each Probe with the shared Probe.xml fixture (ProbeMatches),
 * its RelatesTo and XAddrs filled in; optional junk datagrams first.
 */
public final class FakeDiscoveryResponder implements AutoCloseable {
    private final DatagramSocket socket;
    private final String xaddrs;
    private final List<String> junkFirst = new CopyOnWriteArrayList<>();
    private final List<Element> probes = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private FakeDiscoveryResponder(DatagramSocket socket, String xaddrs) {
        this.socket = socket;
        this.xaddrs = xaddrs;
        thread = new Thread(this::serve, "fake-ws-discovery");
        thread.setDaemon(true);
        thread.start();
    }

    /** Unicast, on an ephemeral loopback port. */
    public static FakeDiscoveryResponder unicast(String xaddrs) throws IOException {
        return new FakeDiscoveryResponder(new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)), xaddrs);
    }

    /** Joined to a multicast group on one interface. */
    public static FakeDiscoveryResponder multicast(InetSocketAddress group, NetworkInterface ni, String xaddrs)
            throws IOException {
        MulticastSocket socket = new MulticastSocket(new InetSocketAddress(group.getPort()));
        socket.joinGroup(group, ni);
        return new FakeDiscoveryResponder(socket, xaddrs);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    }

    public void junkFirst(String datagram) {
        junkFirst.add(datagram);
    }

    public List<Element> probes() {
        return new ArrayList<>(probes);
    }

    private void serve() {
        byte[] buffer = new byte[65_507];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Element envelope = SafeXml.parse(new String(packet.getData(), 0, packet.getLength(),
                        StandardCharsets.UTF_8)).getDocumentElement();
                if (Xml.child(envelope, "Body", "Probe").isEmpty()) {
                    continue;
                }
                probes.add(envelope);
                for (String junk : junkFirst) {
                    send(junk, packet);
                }
                String messageId = Xml.textOr(envelope, "", "Header", "MessageID");
                send(Fixtures.raw("Probe.xml").replace("RELATES_TO", messageId).replace("SERVICE_URI", xaddrs), packet);
            } catch (IOException | SafeXml.XmlRefused e) {
                // closed, or not a probe
            }
        }
    }

    private void send(String text, DatagramPacket to) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to.getSocketAddress()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
