package org.openhab.core.auth;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Mirror of openHAB 5.2.1 {@code org.openhab.core.auth.UserRegistry}, only as the type of {@code AuthFilter}'s
 * constructor parameter: the registry's members (and its supertypes {@code Registry<User, String>} and
 * {@code AuthenticationProvider}) are left out because the binding never uses them.
 */
@NonNullByDefault
public interface UserRegistry {
}
