/**
 * COCO object detector (NanoDet-m under TensorFlow Java) behind the analytics detector SPI.
 */
package org.beholder.detect.tf.internal;
