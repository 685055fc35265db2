package org.openhab.core.types;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.types.Command}. */
public interface Command extends Type {
}
