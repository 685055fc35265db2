package org.beholder.onvif;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Where each service the device offers answers (from GetServices, or GetCapabilities on older devices). */
public record ServiceAddresses(Map<OnvifService, URI> addresses) {
    public ServiceAddresses {
        addresses = addresses.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(addresses));
    }

    public Optional<URI> address(OnvifService service) {
        return Optional.ofNullable(addresses.get(service));
    }

    public boolean has(OnvifService service) {
        return addresses.containsKey(service);
    }

    /** These addresses, completed by {@code other}'s for services these lack. */
    public ServiceAddresses orElse(ServiceAddresses other) {
        EnumMap<OnvifService, URI> merged = new EnumMap<>(OnvifService.class);
        merged.putAll(other.addresses);
        merged.putAll(addresses);
        return new ServiceAddresses(merged);
    }
}
