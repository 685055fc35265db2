package org.beholder.onvif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.beholder.onvif.internal.discovery.DiscoveryMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS-Discovery: Probe by multicast on the local networks or by unicast to one host, collecting ProbeMatches for
 * a while; and listening for Hello/Bye announcements. Results are deduplicated by endpoint and bounded.
 */
public final class OnvifDiscovery {
    public static final InetSocketAddress MULTICAST_GROUP = new InetSocketAddress("239.255.255.250", 3702);
    /** Bounds memory against a flood of answers. */
    static final int MAX_DEVICES = 1024;
    private static final int MAX_DATAGRAM_BYTES = 65_507;

    private final Logger logger = LoggerFactory.getLogger(OnvifDiscovery.class);
    private final InetSocketAddress group;

    public OnvifDiscovery() {
        this(MULTICAST_GROUP);
    }

    /** With another group or port: for tests, which must not use the real one. */
    public OnvifDiscovery(InetSocketAddress group) {
        this.group = group;
    }

    /**
     * Sends Probes to the multicast group on every interface that is up and multicast-capable (or on those
     * given) and returns what answered within {@code wait}.
     */
    public List<DiscoveredDevice> probe(Duration wait, NetworkInterface... interfaces) throws IOException {
        List<NetworkInterface> targets = interfaces.length > 0 ? List.of(interfaces) : multicastInterfaces();
        try (MulticastSocket socket = new MulticastSocket(new InetSocketAddress(0))) {
            socket.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            Map<String, String> sent = new LinkedHashMap<>();
            for (NetworkInterface ni : targets) {
                try {
                    socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, ni);
                    sendProbes(socket, group, sent);
                } catch (IOException e) {
                    logger.debug("No WS-Discovery probe on {}: {}", ni.getName(), e.getMessage());
                }
            }
            return collect(socket, wait);
        }
    }

    /** Sends Probes straight to one host (port 3702 unless {@code target} says otherwise). */
    public List<DiscoveredDevice> probe(InetSocketAddress target, Duration wait) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
            sendProbes(socket, target, new LinkedHashMap<>());
            return collect(socket, wait);
        }
    }

    /**
     * Listens for Hello and Bye on the group's port until the returned handle is closed; each announcement is
     * handed to {@code listener} on the listening thread.
     */
    public AutoCloseable listen(Consumer<DiscoveryAnnouncement> listener) throws IOException {
        MulticastSocket socket = new MulticastSocket(new InetSocketAddress(group.getPort()));
        for (NetworkInterface ni : multicastInterfaces()) {
            try {
                socket.joinGroup(group, ni);
            } catch (IOException e) {
                logger.debug("Cannot join the WS-Discovery group on {}: {}", ni.getName(), e.getMessage());
            }
        }
        Thread thread = new Thread(() -> receiveAnnouncements(socket, listener), "onvif-discovery-listener");
        thread.setDaemon(true);
        thread.start();
        return socket::close;
    }

    private void receiveAnnouncements(DatagramSocket socket, Consumer<DiscoveryAnnouncement> listener) {
        byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            byte[] bytes = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            DiscoveryMessages.announcement(bytes, packet.getAddress().getHostAddress()).ifPresent(a -> {
                try {
                    listener.accept(a);
                } catch (RuntimeException e) {
                    logger.warn("A discovery listener failed", e);
                }
            });
        }
    }

    private static void sendProbes(DatagramSocket socket, InetSocketAddress target, Map<String, String> sent)
            throws IOException {
        for (String types : List.of(DiscoveryMessages.NETWORK_VIDEO_TRANSMITTER, DiscoveryMessages.DEVICE)) {
            String messageId = "urn:uuid:" + UUID.randomUUID();
            byte[] probe = DiscoveryMessages.probe(messageId, types).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(probe, probe.length, target));
            sent.put(messageId, types);
        }
    }

    private static List<DiscoveredDevice> collect(DatagramSocket socket, Duration wait) throws IOException {
        Map<String, DiscoveredDevice> found = new LinkedHashMap<>();
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        while (found.size() < MAX_DEVICES) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            socket.setSoTimeout((int) Math.max(1L, Math.min(left, Integer.MAX_VALUE)));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            byte[] bytes = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            for (DiscoveredDevice device : DiscoveryMessages.probeMatches(bytes, packet.getAddress().getHostAddress())) {
                String key = device.endpoint().isEmpty() ? String.valueOf(device.deviceService()) : device.endpoint();
                found.putIfAbsent(key, device);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static List<NetworkInterface> multicastInterfaces() {
        try {
            return NetworkInterface.networkInterfaces().filter(ni -> {
                try {
                    return ni.isUp() && ni.supportsMulticast()
                            && ni.inetAddresses().anyMatch(a -> a instanceof java.net.Inet4Address);
                } catch (SocketException e) {
                    return false;
                }
            }).toList();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For messages: which group this discovery uses. */
    @Override
    public String toString() {
        InetAddress address = group.getAddress();
        return "OnvifDiscovery[" + (address == null ? group.getHostString() : address.getHostAddress()) + ":"
                + group.getPort() + "]";
    }
}
