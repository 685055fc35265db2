/**
 * Reading MPEG transport streams: packet fields, PAT/PMT, and a validating inspector used by the engine and by
 * tests of every layer that carries TS.
 */
@Export
@Version("0.1.0")
package org.beholder.engine.ts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
