/**
 * The NVR engine's API: one {@code NvrChannel} per camera, its configuration, status, statistics and listeners.
 */
@Export
@Version("0.1.0")
package org.beholder.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
