package org.beholder.analytics;

/** A named region where motion is measured; events name the zone they happened in. */
public record Zone(String name, Polygon area) {

    public static final String WHOLE_PICTURE = "all";

    public static Zone wholePicture() {
        return new Zone(WHOLE_PICTURE, Polygon.rectangle(0, 0, 1, 1));
    }
}
