package org.openhab.core.types;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.types.State}. */
@NonNullByDefault
public interface State extends Type {
    default <T extends @Nullable State> @Nullable T as(@Nullable Class<T> target) {
        return target != null && target.isInstance(this) ? target.cast(this) : null;
    }
}
