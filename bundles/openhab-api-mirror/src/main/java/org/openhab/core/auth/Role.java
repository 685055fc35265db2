package org.openhab.core.auth;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.auth.Role}. */
public interface Role {
    String ADMIN = "administrator";
    String USER = "user";
}
