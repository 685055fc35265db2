package org.beholder.onvif.internal.soap;

import java.net.URI;
import java.util.Optional;

/**
 * Devices behind NAT or with several interfaces report addresses (services, subscriptions) on a host we did not
 * reach them by; the address that answered is the one that works, so such addresses are moved onto it.
 */
public final class Addresses {
    private Addresses() {
    }

    /** {@code address} with the scheme, host and port of {@code reached} when its host differs; path and query kept. */
    public static URI onHostOf(URI address, URI reached) {
        if (Optional.ofNullable(address.getHost()).orElse("").equalsIgnoreCase(reached.getHost())) {
            return address;
        }
        return reached.resolve(Optional.ofNullable(address.getRawPath()).filter(p -> !p.isEmpty()).orElse("/")
                + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery()));
    }
}
