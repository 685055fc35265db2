package org.openhab.core.types;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.types.RefreshType}. */
@NonNullByDefault
public enum RefreshType implements PrimitiveType, Command {
    REFRESH;

    @Override
    public String format(String pattern) {
        return String.format(pattern, name());
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public String toFullString() {
        return name();
    }
}
