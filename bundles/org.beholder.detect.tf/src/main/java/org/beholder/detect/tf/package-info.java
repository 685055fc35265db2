/**
 * A COCO-80 object detector for Beholder's analytics: NanoDet-m, converted at build time from its TensorFlow.js
 * graph into a frozen TensorFlow graph and run with TensorFlow Java.
 */
@Export
@Version("0.1.0")
package org.beholder.detect.tf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
