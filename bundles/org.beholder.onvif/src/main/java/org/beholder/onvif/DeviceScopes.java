package org.beholder.onvif;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a device's {@code onvif://www.onvif.org/...} scopes say: its name, hardware and location (URL-decoded,
 * the last one wins when a device sends several) and the ONVIF profiles it claims (Streaming = S, T, G, ...).
 */
public record DeviceScopes(String name, String hardware, String location, List<String> profiles, List<String> all) {
    private static final String PREFIX = "onvif://www.onvif.org/";

    public DeviceScopes {
        profiles = List.copyOf(profiles);
        all = List.copyOf(all);
    }

    public static DeviceScopes of(Collection<String> scopes) {
        String name = "";
        String hardware = "";
        String location = "";
        List<String> profiles = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String raw : scopes) {
            String scope = raw.trim();
            if (scope.isEmpty()) {
                continue;
            }
            all.add(scope);
            if (!scope.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                continue;
            }
            String rest = scope.substring(PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String key = rest.substring(0, slash).toLowerCase();
            String value = decode(rest.substring(slash + 1));
            switch (key) {
                case "name" -> name = value;
                case "hardware" -> hardware = value;
                case "location" -> location = value;
                case "profile" -> {
                    if (!value.isEmpty() && !profiles.contains(value)) {
                        profiles.add(value);
                    }
                }
                default -> {
                    // type/..., vendor scopes: kept in all() only
                }
            }
        }
        return new DeviceScopes(name, hardware, location, profiles, all);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8).trim();
        } catch (IllegalArgumentException e) {
            return value.trim();
        }
    }
}
