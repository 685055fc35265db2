/**
 * Reading MPEG transport streams: packet fields, PAT/PMT, and a validating inspector. Bundle-private: the engine
 * uses it, and tests of every layer that carries TS use it from the class path (not exported).
 */
package org.beholder.engine.internal.ts;
