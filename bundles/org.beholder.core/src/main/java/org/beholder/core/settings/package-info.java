/**
 * What a camera is configured with ({@link org.beholder.core.settings.CameraSettings}) and the one validator of
 * it ({@link org.beholder.core.settings.CameraSettingsValidator}) whose messages both hosts show.
 */
@Export
@Version("0.1.0")
package org.beholder.core.settings;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
