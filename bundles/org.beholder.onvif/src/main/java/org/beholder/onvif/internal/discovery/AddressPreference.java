package org.beholder.onvif.internal.discovery;

import java.net.URI;
import java.util.List;

/**
 * Which XAddr to use. A device behind NAT or with several interfaces may list addresses we cannot reach; the
 * address its answer came from demonstrably works. So: an XAddr on that address if there is one, else the first
 * XAddr moved onto it (port and path kept), else the conventional device service path on it.
 */
public final class AddressPreference {
    private AddressPreference() {
    }

    /** Null only when there is neither an XAddr nor a responder address. */
    public static URI preferred(List<URI> xaddrs, String respondedFrom) {
        if (respondedFrom == null || respondedFrom.isEmpty()) {
            return xaddrs.isEmpty() ? null : xaddrs.get(0);
        }
        for (URI xaddr : xaddrs) {
            if (sameHost(xaddr.getHost(), respondedFrom)) {
                return xaddr;
            }
        }
        String host = respondedFrom.contains(":") ? "[" + respondedFrom + "]" : respondedFrom;
        if (xaddrs.isEmpty()) {
            return URI.create("http://" + host + "/onvif/device_service");
        }
        URI first = xaddrs.get(0);
        String port = first.getPort() < 0 ? "" : ":" + first.getPort();
        String path = first.getRawPath() == null || first.getRawPath().isEmpty() ? "/" : first.getRawPath();
        return URI.create(first.getScheme() + "://" + host + port + path);
    }

    /** host[:port] of an address, the port left out when it is the scheme's default. */
    public static String hostAndPort(URI uri) {
        boolean defaultPort = uri.getPort() < 0 || uri.getPort() == 80 && "http".equals(uri.getScheme())
                || uri.getPort() == 443 && "https".equals(uri.getScheme());
        return uri.getHost() + (defaultPort ? "" : ":" + uri.getPort());
    }

    private static boolean sameHost(String host, String address) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase(address);
    }
}
