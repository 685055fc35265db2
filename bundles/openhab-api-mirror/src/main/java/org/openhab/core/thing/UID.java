package org.openhab.core.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.List;

import org.openhab.core.common.AbstractUID;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.UID}: the first segment is the binding id. */
@NonNullByDefault
public abstract class UID extends AbstractUID {

    public UID() {
        super();
    }

    public UID(String uid) {
        super(uid);
    }

    public UID(String... segments) {
        super(segments);
    }

    protected UID(List<String> segments) {
        super(segments);
    }

    public String getBindingId() {
        return getSegment(0);
    }

    @Override
    protected List<String> getAllSegments() {
        return super.getAllSegments();
    }

    @Override
    public String toString() {
        return getAsString();
    }

    @Override
    public String getAsString() {
        return super.getAsString();
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return super.equals(obj);
    }
}
