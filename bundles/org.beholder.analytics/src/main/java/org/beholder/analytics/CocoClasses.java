package org.beholder.analytics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 80 object classes of COCO under their standard names ({@code person}, {@code motorcycle}, {@code couch},
 * {@code tv} ...), the names users see and type. Darknet's {@code coco.names} spells six of them differently
 * ({@code motorbike}, {@code aeroplane}, {@code sofa}, {@code pottedplant}, {@code diningtable}, {@code tvmonitor});
 * those are accepted and mapped, so a detector or an old configuration that uses them keeps working.
 * {@value #ALL} selects every class. The list is docs/reference/object-classes.md.
 */
public final class CocoClasses {

    /** The keyword that selects every class in a class list. */
    public static final String ALL = "all";

    /** The 80 standard names, in COCO-80 index order (the order detectors number their outputs in). */
    public static final List<String> NAMES = List.of("person", "bicycle", "car", "motorcycle", "airplane", "bus",
            "train", "truck", "boat", "traffic light", "fire hydrant", "stop sign", "parking meter", "bench", "bird",
            "cat", "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella",
            "handbag", "tie", "suitcase", "frisbee", "skis", "snowboard", "sports ball", "kite", "baseball bat",
            "baseball glove", "skateboard", "surfboard", "tennis racket", "bottle", "wine glass", "cup", "fork",
            "knife", "spoon", "bowl", "banana", "apple", "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza",
            "donut", "cake", "chair", "couch", "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse",
            "remote", "keyboard", "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book",
            "clock", "vase", "scissors", "teddy bear", "hair drier", "toothbrush");

    /** Darknet's name for each class it spells differently, keyed by the standard name. */
    public static final Map<String, String> DARKNET_NAMES = orderedMap("motorcycle", "motorbike", "airplane",
            "aeroplane", "couch", "sofa", "potted plant", "pottedplant", "dining table", "diningtable", "tv",
            "tvmonitor");

    private static final Map<String, String> STANDARD_BY_ANY_NAME = byAnyName();

    private CocoClasses() {
    }

    /**
     * The standard name of a class given its standard or darknet name, ignoring case and surrounding spaces
     * ({@code "Motorbike"} → {@code "motorcycle"}); empty for anything else, including {@value #ALL}.
     */
    public static Optional<String> standardName(String name) {
        return Optional.ofNullable(STANDARD_BY_ANY_NAME.get(normalise(name)));
    }

    /** Whether {@code name} is one of the 80 classes under its standard or darknet name. */
    public static boolean isKnown(String name) {
        return STANDARD_BY_ANY_NAME.containsKey(normalise(name));
    }

    /** The standard name (or {@value #ALL}) closest to {@code typo} by edit distance (ties: the earlier in COCO order). */
    public static String nearest(String typo) {
        String wanted = normalise(typo);
        String best = ALL;
        int bestDistance = editDistance(wanted, ALL);
        for (Map.Entry<String, String> entry : STANDARD_BY_ANY_NAME.entrySet()) {
            int distance = editDistance(wanted, entry.getKey());
            if (distance < bestDistance) {
                best = entry.getValue();
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * What is wrong with one name of a configured class list, for a validator: empty when it is a class or
     * {@value #ALL}, else e.g. {@code unknown object class 'persn' (did you mean 'person'?)}.
     */
    public static Optional<String> problem(String name) {
        if (isKnown(name) || normalise(name).equals(ALL)) {
            return Optional.empty();
        }
        return Optional.of("unknown object class '" + name + "' (did you mean '" + nearest(name) + "'?)");
    }

    /**
     * A configured class list as standard names: {@value #ALL} anywhere gives all 80, darknet names are mapped.
     *
     * @throws IllegalArgumentException naming the first unknown class and its nearest valid name
     */
    public static Set<String> expand(Collection<String> names) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : names) {
            Optional<String> problem = problem(name);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            if (normalise(name).equals(ALL)) {
                return Set.copyOf(NAMES);
            }
            result.add(standardName(name).orElseThrow());
        }
        return Set.copyOf(result);
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance: insertions, deletions and substitutions cost one each. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Standard names first, in COCO order, so that {@link #nearest} prefers them over darknet's spelling. */
    private static Map<String, String> byAnyName() {
        Map<String, String> map = new LinkedHashMap<>();
        NAMES.forEach(name -> map.put(name, name));
        DARKNET_NAMES.forEach((standard, darknet) -> map.put(darknet, standard));
        return java.util.Collections.unmodifiableMap(map);
    }
}
