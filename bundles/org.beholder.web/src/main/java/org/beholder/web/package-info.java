/**
 * The Beholder page, REST API and live WebSocket, host-neutral: a host builds one {@link BeholderWeb} and mounts
 * its servlets and sockets on its own Jetty, behind its own {@link AccessGuard}.
 */
@Export
@Version("0.1.0")
package org.beholder.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
