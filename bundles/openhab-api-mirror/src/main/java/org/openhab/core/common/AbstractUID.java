package org.openhab.core.common;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.Arrays;
import java.util.List;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.common.AbstractUID}: segments joined by ':'. */
@NonNullByDefault
public abstract class AbstractUID {
    public static final String SEPARATOR = ":";
    private final List<String> segments;

    protected AbstractUID() {
        segments = List.of();
    }

    protected AbstractUID(String uid) {
        this(Arrays.asList(uid.split(SEPARATOR)));
    }

    protected AbstractUID(String... segments) {
        this(Arrays.asList(segments));
    }

    protected AbstractUID(List<String> segments) {
        int minimal = getMinimalNumberOfSegments();
        if (segments.size() < minimal) {
            throw new IllegalArgumentException("UID must have at least " + minimal + " segments: " + segments);
        }
        for (int i = 0; i < segments.size(); i++) {
            validateSegment(segments.get(i), i, segments.size());
        }
        this.segments = List.copyOf(segments);
    }

    protected abstract int getMinimalNumberOfSegments();

    protected List<String> getAllSegments() {
        return segments;
    }

    protected String getSegment(int index) {
        return segments.get(index);
    }

    protected void validateSegment(String segment, int index, int length) {
        if (!segment.matches("[\\w-]*")) {
            throw new IllegalArgumentException("UID segment '" + segment
                    + "' contains invalid characters; only [\\w-]* is allowed");
        }
    }

    public String getAsString() {
        return String.join(SEPARATOR, segments);
    }

    @Override
    public String toString() {
        return getAsString();
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj != null && obj.getClass() == getClass() && ((AbstractUID) obj).segments.equals(segments);
    }
}
