package org.openhab.core.library.types;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.library.types.DateTimeType} (members the binding uses). */
@NonNullByDefault
public class DateTimeType implements PrimitiveType, State, Command, Comparable<DateTimeType> {
    private final Instant instant;

    public DateTimeType() {
        this(Instant.now());
    }

    public DateTimeType(Instant instant) {
        this.instant = instant;
    }

    public DateTimeType(ZonedDateTime zoned) {
        this(zoned.toInstant());
    }

    public ZonedDateTime getZonedDateTime(ZoneId zone) {
        return instant.atZone(zone);
    }

    public Instant getInstant() {
        return instant;
    }

    @Override
    public String format(@Nullable String pattern) {
        return String.format(pattern, getZonedDateTime(ZoneId.systemDefault()));
    }

    @Override
    public String toString() {
        return instant.toString();
    }

    @Override
    public String toFullString() {
        return instant.toString();
    }

    @Override
    public int hashCode() {
        return instant.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof DateTimeType other && instant.equals(other.instant);
    }

    @Override
    public int compareTo(DateTimeType other) {
        return instant.compareTo(other.instant);
    }
}
