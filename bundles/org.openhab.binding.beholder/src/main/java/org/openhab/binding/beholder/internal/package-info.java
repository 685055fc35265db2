/**
 * The openHAB binding: thing types, handlers, discovery and the web mounts inside openHAB.
 */
package org.openhab.binding.beholder.internal;
