package org.beholder.analytics;

import java.util.List;

/**
 * A region of the picture in normalised coordinates (0..1 from the left and from the top), so that it survives
 * a change of resolution. At least three points.
 */
public record Polygon(List<Point> points) {

    public record Point(double x, double y) {
        public Point {
            if (x < 0 || x > 1 || y < 0 || y > 1 || Double.isNaN(x) || Double.isNaN(y)) {
                throw new IllegalArgumentException("polygon points must lie in 0..1, was " + x + "," + y);
            }
        }
    }

    public Polygon {
        if (points.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least three points");
        }
        points = List.copyOf(points);
    }

    /** {@code "x1,y1 x2,y2 x3,y3 ..."}, the form used in configuration. */
    public static Polygon parse(String text) {
        String[] pairs = text.trim().split("\\s+");
        java.util.ArrayList<Point> points = new java.util.ArrayList<>();
        for (String pair : pairs) {
            String[] xy = pair.split(",");
            if (xy.length != 2) {
                throw new IllegalArgumentException("polygon points are 'x,y' pairs separated by spaces, was '" + pair
                        + "'");
            }
            try {
                points.add(new Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("polygon coordinates must be numbers, was '" + pair + "'");
            }
        }
        return new Polygon(points);
    }

    public static Polygon rectangle(double left, double top, double right, double bottom) {
        return new Polygon(List.of(new Point(left, top), new Point(right, top), new Point(right, bottom),
                new Point(left, bottom)));
    }

    /** Even-odd rule. */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = points.size() - 1; i < points.size(); j = i++) {
            Point a = points.get(i);
            Point b = points.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
