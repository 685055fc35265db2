/**
 * ONVIF client: discovery, device, media, PTZ and events. Knows nothing of the engine.
 */
@Export
@Version("0.1.0")
package org.beholder.onvif;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
