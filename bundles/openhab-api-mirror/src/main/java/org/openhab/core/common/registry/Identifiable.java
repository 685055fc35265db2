package org.openhab.core.common.registry;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.common.registry.Identifiable}. */
public interface Identifiable<K> {
    K getUID();
}
