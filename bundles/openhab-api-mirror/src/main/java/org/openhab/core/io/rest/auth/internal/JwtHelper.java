package org.openhab.core.io.rest.auth.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Mirror of openHAB 5.2.1 {@code org.openhab.core.io.rest.auth.internal.JwtHelper}, only as the type of
 * {@code AuthFilter}'s constructor parameter. openHAB does not export this package: nothing but test stand-ins
 * may use it (the binding's manifest is checked for it).
 */
@NonNullByDefault
public class JwtHelper {
    public JwtHelper() {
    }
}
