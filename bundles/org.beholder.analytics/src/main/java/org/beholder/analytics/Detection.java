package org.beholder.analytics;

/**
 * One object a detector found.
 *
 * @param label  a COCO-80 class name ("person", "dog" ...)
 * @param score  0..1
 * @param x      left edge, normalised 0..1
 * @param y      top edge, normalised 0..1
 * @param width  normalised
 * @param height normalised
 */
public record Detection(String label, double score, double x, double y, double width, double height) {

    /** Intersection over union with another box. */
    public double iou(Detection other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = width * height + other.width * other.height - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
