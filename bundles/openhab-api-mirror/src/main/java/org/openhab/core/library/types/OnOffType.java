package org.openhab.core.library.types;

import org.eclipse.jdt.annotation.NonNullByDefault;

import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.library.types.OnOffType}. */
@NonNullByDefault
public enum OnOffType implements PrimitiveType, State, Command {
    ON,
    OFF;

    public static OnOffType from(String state) {
        return "ON".equalsIgnoreCase(state) || "TRUE".equalsIgnoreCase(state) || "1".equals(state) ? ON : OFF;
    }

    public static OnOffType from(boolean state) {
        return state ? ON : OFF;
    }

    @Override
    public String format(String pattern) {
        return String.format(pattern, toString());
    }

    @Override
    public String toString() {
        return super.toString();
    }

    @Override
    public String toFullString() {
        return super.toString();
    }
}
