package org.beholder.onvif.testserver;

import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;

import org.beholder.onvif.DiscoveredDevice;
import org.beholder.onvif.OnvifDiscovery;

/**
 * Run by the discovery test inside a fresh network namespace whose only interface is loopback: a fake device
 * joins the real WS-Discovery group on lo, and a multicast Probe must find it. Exit 0 and one line per device.
 */
public final class MulticastDiscoveryMain {
    private MulticastDiscoveryMain() {
    }

    public static void main(String[] args) throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        try (FakeDiscoveryResponder device = FakeDiscoveryResponder.multicast(OnvifDiscovery.MULTICAST_GROUP, lo,
                "http://192.0.2.44/onvif/device_service")) {
            List<DiscoveredDevice> found = new OnvifDiscovery().probe(Duration.ofSeconds(2));
            for (DiscoveredDevice d : found) {
                System.out.println("FOUND " + d.address() + " " + d.scopes().name() + " " + d.deviceService());
            }
            System.out.println("PROBES " + device.probes().size());
            System.exit(found.isEmpty() ? 3 : 0);
        }
    }
}
