package org.beholder.core.store;

/**
 * Where an object was seen, as fractions of the picture (0..1) from its top-left corner.
 */
public record Box(double x, double y, double width, double height) {
}
