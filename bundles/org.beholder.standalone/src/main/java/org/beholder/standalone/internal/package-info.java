/**
 * The standalone host: command line, config file, embedded Jetty.
 */
package org.beholder.standalone.internal;
