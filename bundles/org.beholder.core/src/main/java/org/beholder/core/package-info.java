/**
 * The one composition root both hosts use: {@code Beholder} (engine, analytics, detector, event journal and the
 * recording policies), {@code CameraSettings} with its one validator, and the event model.
 */
@Export
@Version("0.1.0")
package org.beholder.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
