package org.openhab.core.library.types;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.Arrays;

import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.library.types.RawType} (members the binding uses). */
@NonNullByDefault
public class RawType implements PrimitiveType, State {
    public static final String DEFAULT_MIME_TYPE = "application/octet-stream";
    protected byte[] bytes;
    protected String mimeType;

    public RawType(byte[] bytes, String mimeType) {
        this.bytes = bytes;
        this.mimeType = mimeType;
    }

    public byte[] getBytes() {
        return bytes;
    }

    public String getMimeType() {
        return mimeType;
    }

    @Override
    public String toString() {
        return "raw type (" + mimeType + "): " + bytes.length + " bytes";
    }

    @Override
    public String toFullString() {
        return toString();
    }

    @Override
    public String format(String pattern) {
        return toFullString();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + mimeType.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof RawType other && mimeType.equals(other.mimeType) && Arrays.equals(bytes, other.bytes);
    }
}
