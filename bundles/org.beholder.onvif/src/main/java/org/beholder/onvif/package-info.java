/**
 * ONVIF client: WS-Discovery ({@link org.beholder.onvif.OnvifDiscovery}), device, Media 1/2, imaging, PTZ,
 * pull-point events and Profile G recordings ({@link org.beholder.onvif.OnvifClient},
 * {@link org.beholder.onvif.OnvifDevice}). Immutable records out, {@link org.beholder.onvif.OnvifException}
 * with a kind on failure. Knows nothing of the engine; see docs/design/onvif.md.
 */
@Export
@Version("0.1.0")
package org.beholder.onvif;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
