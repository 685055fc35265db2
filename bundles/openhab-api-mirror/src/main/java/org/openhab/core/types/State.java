package org.openhab.core.types;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.types.State}. */
public interface State extends Type {
    default <T extends State> T as(Class<T> target) {
        return target.isInstance(this) ? target.cast(this) : null;
    }
}
