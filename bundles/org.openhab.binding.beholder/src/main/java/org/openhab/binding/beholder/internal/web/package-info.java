/** Beholder's page, REST and live stream mounted in openHAB's HTTP server, and openHAB's WebSocket adapter. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.openhab.binding.beholder.internal.web;
