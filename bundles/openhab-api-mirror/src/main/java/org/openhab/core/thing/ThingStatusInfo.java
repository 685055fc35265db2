package org.openhab.core.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.Objects;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.ThingStatusInfo}. */
@NonNullByDefault
public class ThingStatusInfo {
    private final ThingStatus status;
    private final ThingStatusDetail statusDetail;
    private final @Nullable String description;

    protected ThingStatusInfo() {
        this(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null);
    }

    public ThingStatusInfo(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        this.status = status;
        this.statusDetail = statusDetail;
        this.description = description;
    }

    public ThingStatus getStatus() {
        return status;
    }

    public ThingStatusDetail getStatusDetail() {
        return statusDetail;
    }

    public @Nullable String getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return status + (statusDetail == ThingStatusDetail.NONE ? "" : " (" + statusDetail + ")")
                + (description == null || description.isBlank() ? "" : ": " + description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, statusDetail, description);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof ThingStatusInfo other && status == other.status && statusDetail == other.statusDetail
                && Objects.equals(description, other.description);
    }
}
