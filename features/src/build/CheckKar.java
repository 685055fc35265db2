import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a built .kar the way openHAB will read it: one feature repository; the feature openhab-binding-beholder
 * needs openhab-runtime-base; every bundle it names is inside, at its Maven path, and is an OSGi bundle; nothing
 * of the compile-only openHAB API mirror is shipped. Exits 1 with the reasons otherwise.
 */
public final class CheckKar {
    public static void main(String[] args) throws Exception {
        List<String> problems = new ArrayList<>();
        try (ZipFile kar = new ZipFile(Path.of(args[0]).toFile())) {
            Map<String, byte[]> entries = new HashMap<>();
            kar.stream().filter(e -> !e.isDirectory()).forEach(e -> {
                try (var in = kar.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                } catch (java.io.IOException io) {
                    throw new IllegalStateException(io);
                }
            });
            List<String> features = entries.keySet().stream().filter(n -> n.endsWith("-features.xml")).toList();
            if (features.size() != 1) {
                problems.add("expected one feature repository, found " + features);
            } else {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setNamespaceAware(true);
                Element root = factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(entries.get(features.get(0)))).getDocumentElement();
                NodeList featureList = root.getElementsByTagNameNS("*", "feature");
                boolean named = false;
                boolean base = false;
                for (int i = 0; i < featureList.getLength(); i++) {
                    Element feature = (Element) featureList.item(i);
                    named |= "openhab-binding-beholder".equals(feature.getAttribute("name"));
                    base |= "openhab-runtime-base".equals(feature.getTextContent().trim());
                }
                if (!named || !base) {
                    problems.add("feature openhab-binding-beholder with openhab-runtime-base: " + named + "/" + base);
                }
                NodeList bundles = root.getElementsByTagNameNS("*", "bundle");
                for (int i = 0; i < bundles.getLength(); i++) {
                    String url = bundles.item(i).getTextContent().trim();
                    String[] gav = url.substring("mvn:".length()).split("/");
                    String path = "repository/" + gav[0].replace('.', '/') + "/" + gav[1] + "/" + gav[2] + "/"
                            + gav[1] + "-" + gav[2] + ".jar";
                    byte[] jar = entries.get(path);
                    if (jar == null) {
                        problems.add("missing " + path + " for " + url);
                    } else if (symbolicName(jar) == null) {
                        problems.add("not an OSGi bundle: " + url);
                    }
                }
                if (bundles.getLength() < 9) {
                    problems.add("expected engine, analytics, onvif, core, web, binding, JNA, Gson and sqlite-jdbc; found " + bundles.getLength());
                }
            }
            entries.keySet().stream().filter(n -> n.contains("openhab-api-mirror"))
                    .forEach(n -> problems.add("the compile-only mirror must not ship: " + n));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("kar: " + p));
            System.exit(1);
        }
        System.out.println("kar: ok");
    }

    private static String symbolicName(byte[] jar) throws java.io.IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        }
    }
}
