/**
 * The standalone host: command line, YAML config, users, embedded Jetty and the demo cameras.
 */
package org.beholder.standalone.internal;
