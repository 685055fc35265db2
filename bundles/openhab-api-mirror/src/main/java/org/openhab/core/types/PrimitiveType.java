package org.openhab.core.types;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.types.PrimitiveType}. */
@NonNullByDefault
public interface PrimitiveType extends Type {
}
