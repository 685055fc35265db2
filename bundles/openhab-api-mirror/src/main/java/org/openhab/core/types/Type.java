package org.openhab.core.types;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.types.Type}. */
public interface Type {
    String format(String pattern);

    String toFullString();
}
