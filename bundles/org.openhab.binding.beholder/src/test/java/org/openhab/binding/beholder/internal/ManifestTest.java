package org.openhab.binding.beholder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The binding as a real openHAB resolves it: it imports only packages openHAB 5.2.1 exports (never the mirror's
 * unexported internal one, never the compile-only null annotations), in the ranges a build against openHAB writes.
 */
class ManifestTest {
    private static final Path OPENHAB_EXPORTS = Path.of(
            "src/test/resources/openhab-5.2.1/EXPORT-PACKAGE-summary.txt");

    @Test
    void importsOnlyWhatOpenHabExports() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        Map<String, String> openHab = new TreeMap<>();
        Matcher m = Pattern.compile("(org\\.openhab\\.[\\w.]+)(;version=\"([^\"]+)\")?").matcher(imports);
        while (m.find()) {
            openHab.put(m.group(1), String.valueOf(m.group(3)));
        }
        String exported = Files.readString(OPENHAB_EXPORTS);
        assertFalse(openHab.isEmpty());
        openHab.forEach((pkg, range) -> {
            assertTrue(exported.contains("    " + pkg + " ['version=\"5.2.1\"']"), pkg + " is not exported by openHAB");
            assertEquals("[5.2,6)", range, pkg);
        });
        assertFalse(imports.contains("org.eclipse.jdt.annotation"), "null annotations are compile-only");
    }
}
