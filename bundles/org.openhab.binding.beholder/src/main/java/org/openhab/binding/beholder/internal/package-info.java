/**
 * The openHAB face of Beholder: thing types, the thin NVR Channel handler and the runtime shared by all handlers.
 */
@NonNullByDefault
package org.openhab.binding.beholder.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
