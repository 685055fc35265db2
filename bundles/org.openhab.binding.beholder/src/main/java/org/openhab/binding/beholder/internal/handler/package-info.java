/**
 * The NVR Channel handler and its rule actions.
 */
@NonNullByDefault
package org.openhab.binding.beholder.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;
