package org.beholder.detect.tf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.beholder.analytics.Detection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The converted NanoDet-m on darknet's test pictures (src/test/resources/darknet, MIT). */
class NanoDetDetectorTest {
    private static final Path TESTDATA = Path.of("src/test/resources/darknet");
    private static NanoDetDetector detector;

    @BeforeAll
    static void load() throws Exception {
        if (!java.nio.file.Files.isRegularFile(TESTDATA.resolve("person.jpg"))) {
            throw new IllegalStateException("test pictures not found at " + TESTDATA.toAbsolutePath()
                    + " (darknet's pictures, kept in the repository)");
        }
        detector = NanoDetDetector.load(Path.of("target/native"));
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void findsThePersonWhereSheIs() throws Exception {
        PictureKeyframe picture = PictureKeyframe.read(TESTDATA.resolve("person.jpg"));
        List<Detection> found = detector.detect(picture);
        // the person in person.jpg (640x424) stands at about x 187-280, y 100-376
        Detection truth = new Detection("person", 1, 187.0 / 640, 100.0 / 424, 93.0 / 640, 276.0 / 424);
        Detection person = found.stream().filter(d -> d.label().equals("person"))
                .max((a, b) -> Double.compare(a.iou(truth), b.iou(truth))).orElseThrow(() ->
                        new AssertionError("no person in " + found));
        assertTrue(person.score() >= 0.5, "score " + person.score() + " in " + found);
        assertTrue(person.iou(truth) >= 0.5, "IoU " + person.iou(truth) + " of " + person);
    }

    @Test
    void findsTheDogBesideTheBicycle() throws Exception {
        List<Detection> found = detector.detect(PictureKeyframe.read(TESTDATA.resolve("dog.jpg")));
        // dog.jpg (768x576): the dog sits at about x 130-310, y 220-540; NanoDet-m scores it 0.47 (measured)
        Detection truth = new Detection("dog", 1, 130.0 / 768, 220.0 / 576, 180.0 / 768, 320.0 / 576);
        Detection dog = found.stream().filter(d -> d.label().equals("dog")).findFirst()
                .orElseThrow(() -> new AssertionError("no dog in " + found));
        assertTrue(dog.score() >= 0.4, "score " + dog.score());
        assertTrue(dog.iou(truth) >= 0.5, "IoU " + dog.iou(truth) + " of " + dog);
        assertTrue(found.stream().anyMatch(d -> d.label().equals("bicycle") && d.score() >= 0.5), found.toString());
    }
}
