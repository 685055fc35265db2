/**
 * The Beholder page, REST API and live WebSocket as host-neutral servlets and Jetty 9.4 WebSocket objects.
 */
@Export
@Version("0.1.0")
package org.beholder.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
