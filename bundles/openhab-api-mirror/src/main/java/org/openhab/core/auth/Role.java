package org.openhab.core.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.auth.Role}. */
@NonNullByDefault
public interface Role {
    String ADMIN = "administrator";
    String USER = "user";
}
