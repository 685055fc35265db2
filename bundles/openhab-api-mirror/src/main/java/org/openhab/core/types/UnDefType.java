package org.openhab.core.types;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.types.UnDefType}. */
@NonNullByDefault
public enum UnDefType implements PrimitiveType, State {
    UNDEF, NULL;

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
