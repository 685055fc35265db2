/**
 * Reserved for the ONVIF client (issue #13): discovery, device, media, PTZ and events. Holds no code yet, so the
 * bundle exports nothing.
 */
package org.beholder.onvif;
