/**
 * Keyframe analytics API: motion, QR codes, the object-detector SPI, zones and masks.
 */
@Export
@Version("0.1.0")
package org.beholder.analytics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
