package org.beholder.openhab.mirror;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code mirror-vs-real-5.2.1.txt}: per mirrored type ({@code ### <type> (...)}), each difference found against
 * openHAB 5.2.1 with openHAB's declaration ({@code real:}), or a member openHAB does not have ({@code NOT IN REAL}).
 */
record VersusReal(Set<String> types, List<Entry> entries) {
    /** One declaration of openHAB's: the type's own line ({@code isType}) or a member's. */
    record Entry(String type, boolean isType, boolean notInReal, String real) {
    }

    static VersusReal parse(String text) {
        Set<String> types = new LinkedHashSet<>();
        List<Entry> entries = new ArrayList<>();
        String type = "";
        boolean typeLine = false;
        for (String line : text.lines().toList()) {
            String stripped = line.strip();
            if (line.startsWith("### ")) {
                type = stripped.substring(4, stripped.indexOf(' ', 4));
                types.add(type);
            } else if (stripped.startsWith("real:")) {
                entries.add(new Entry(type, typeLine, false, stripped.substring(5).strip()));
            } else if (stripped.contains(": NOT IN REAL: ")) {
                entries.add(new Entry(type, false, true, stripped.substring(stripped.indexOf(": NOT IN REAL: ") + 15)));
            } else if (line.startsWith("  ") && !stripped.startsWith("mirror:")) {
                typeLine = stripped.startsWith("type ");
            }
        }
        return new VersusReal(types, entries);
    }
}
