package org.openhab.core.library.types;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.math.BigDecimal;

import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.library.types.DecimalType} (members the binding uses). */
@NonNullByDefault
public class DecimalType extends Number implements PrimitiveType, State, Command, Comparable<DecimalType> {
    private static final long serialVersionUID = 1L;
    public static final DecimalType ZERO = new DecimalType(0);
    protected BigDecimal value;

    public DecimalType() {
        this(BigDecimal.ZERO);
    }

    public DecimalType(Number value) {
        this.value = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public DecimalType(String value) {
        this.value = new BigDecimal(value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }

    @Override
    public String toFullString() {
        return value.toPlainString();
    }

    public static DecimalType valueOf(String value) {
        return new DecimalType(value);
    }

    @Override
    public String format(String pattern) {
        return String.format(pattern, value);
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof DecimalType other && value.compareTo(other.value) == 0;
    }

    @Override
    public int compareTo(DecimalType other) {
        return value.compareTo(other.value);
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }
}
