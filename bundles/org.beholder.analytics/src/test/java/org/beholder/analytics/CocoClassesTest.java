package org.beholder.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** COCO's standard class names, darknet's spellings, the "all" keyword and suggestions for typos. */
class CocoClassesTest {
    /** Darknet's coco.names (the detector's label file), line by line. */
    private static final List<String> DARKNET = List.of("person", "bicycle", "car", "motorbike", "aeroplane", "bus",
            "train", "truck", "boat", "traffic light", "fire hydrant", "stop sign", "parking meter", "bench", "bird",
            "cat", "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella",
            "handbag", "tie", "suitcase", "frisbee", "skis", "snowboard", "sports ball", "kite", "baseball bat",
            "baseball glove", "skateboard", "surfboard", "tennis racket", "bottle", "wine glass", "cup", "fork",
            "knife", "spoon", "bowl", "banana", "apple", "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza",
            "donut", "cake", "chair", "sofa", "pottedplant", "bed", "diningtable", "toilet", "tvmonitor", "laptop",
            "mouse", "remote", "keyboard", "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book",
            "clock", "vase", "scissors", "teddy bear", "hair drier", "toothbrush");

    @Test
    void everyDarknetLabelMapsToTheStandardNameOfTheSameIndex() {
        assertEquals(80, CocoClasses.NAMES.size());
        assertEquals(80, Set.copyOf(CocoClasses.NAMES).size(), "no duplicates");
        for (int i = 0; i < DARKNET.size(); i++) {
            assertEquals(Optional.of(CocoClasses.NAMES.get(i)), CocoClasses.standardName(DARKNET.get(i)),
                    DARKNET.get(i));
        }
        assertEquals(Optional.of("motorcycle"), CocoClasses.standardName("motorbike"));
        assertEquals(Optional.of("airplane"), CocoClasses.standardName("aeroplane"));
        assertEquals(Optional.of("couch"), CocoClasses.standardName("sofa"));
        assertEquals(Optional.of("potted plant"), CocoClasses.standardName("pottedplant"));
        assertEquals(Optional.of("dining table"), CocoClasses.standardName("diningtable"));
        assertEquals(Optional.of("tv"), CocoClasses.standardName("tvmonitor"));
    }

    @Test
    void standardNamesAreAcceptedWhateverTheCaseAndSpacing() {
        assertEquals(Optional.of("person"), CocoClasses.standardName("person"));
        assertEquals(Optional.of("potted plant"), CocoClasses.standardName("  Potted   Plant "));
        assertEquals(Optional.of("tv"), CocoClasses.standardName("TV"));
        assertTrue(CocoClasses.isKnown("Motorbike"));
        assertFalse(CocoClasses.isKnown("persn"));
        assertFalse(CocoClasses.isKnown(CocoClasses.ALL), "'all' is a keyword, not a class");
        assertEquals(Optional.empty(), CocoClasses.standardName("unicorn"));
    }

    @Test
    void typosGetTheNearestValidNameSuggested() {
        assertEquals("person", CocoClasses.nearest("persn"));
        assertEquals("person", CocoClasses.nearest("Persons"));
        assertEquals("motorcycle", CocoClasses.nearest("motorcyle"));
        assertEquals("motorcycle", CocoClasses.nearest("motorbikes"), "a darknet near-miss suggests the standard name");
        assertEquals("traffic light", CocoClasses.nearest("trafficlight"));
        assertEquals("all", CocoClasses.nearest("al"));
        assertEquals(Optional.of("unknown object class 'persn' (did you mean 'person'?)"),
                CocoClasses.problem("persn"));
        assertEquals(Optional.empty(), CocoClasses.problem("all"));
        assertEquals(Optional.empty(), CocoClasses.problem("tvmonitor"));
    }

    @Test
    void expandingAClassListMapsDarknetNamesAndAllSelectsEveryClass() {
        assertEquals(Set.of("person", "motorcycle", "tv"), CocoClasses.expand(List.of("person", "motorbike", "TV")));
        assertEquals(Set.copyOf(CocoClasses.NAMES), CocoClasses.expand(List.of("dog", "all")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CocoClasses.expand(List.of("dog", "bycicle")));
        assertEquals("unknown object class 'bycicle' (did you mean 'bicycle'?)", e.getMessage());
    }

    @Test
    void theReferenceTableListsEveryClassWithItsDarknetName() throws IOException {
        Path doc = Path.of("../../docs/reference/object-classes.md");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc)) {
            // table rows: | index | `standard` | `darknet` or empty |
            String[] cells = line.split("\\|");
            if (cells.length >= 4 && cells[1].strip().matches("\\d+")) {
                rows.put(cells[2].strip().replace("`", ""), cells[3].strip().replace("`", ""));
            }
        }
        assertEquals(CocoClasses.NAMES, new ArrayList<>(rows.keySet()), "every class, in COCO order");
        rows.forEach((standard, darknet) -> assertEquals(CocoClasses.DARKNET_NAMES.getOrDefault(standard, ""),
                darknet, standard));
    }
}
