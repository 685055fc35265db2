import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes {@code OH-INF/i18n/<binding>.properties}, the default (English) translations, from {@code addon.xml} and
 * the thing descriptions, with openHAB's key scheme, so labels are typed once. Run by Maven in generate-resources:
 * {@code java GenerateDefaultTranslations.java <OH-INF folder> <output file>}.
 */
public final class GenerateDefaultTranslations {
    private final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path ohInf = Path.of(args[0]);
        Path out = Path.of(args[1]);
        GenerateDefaultTranslations generator = new GenerateDefaultTranslations();
        Element addon = parse(ohInf.resolve("addon/addon.xml"));
        String bindingId = addon.getAttribute("id");
        generator.addon(bindingId, addon);
        Path configs = ohInf.resolve("config");
        if (Files.isDirectory(configs)) {
            try (var files = Files.list(configs)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                    generator.configs(parse(file));
                }
            }
        }
        try (var files = Files.list(ohInf.resolve("thing"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                generator.things(parse(file));
            }
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", generator.lines) + "\n", StandardCharsets.ISO_8859_1);
    }

    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private void addon(String id, Element addon) {
        section("add-on");
        put("addon." + id + ".name", text(addon, "name"));
        put("addon." + id + ".description", text(addon, "description"));
    }

    /** Config descriptions by URI, openHAB's keys: {@code binding:beholder} → {@code binding.config.beholder}. */
    private void configs(Element root) {
        section("add-on config");
        for (Element config : children(root, "config-description")) {
            String[] uri = config.getAttribute("uri").split(":", 2);
            config(config, uri[0] + ".config." + uri[1].replace(':', '.'));
        }
    }

    private void things(Element root) {
        String binding = root.getAttribute("bindingId");
        List<Element> thingTypes = children(root, "thing-type");
        thingTypes.addAll(children(root, "bridge-type"));
        section("thing types");
        for (Element type : thingTypes) {
            String key = "thing-type." + binding + "." + type.getAttribute("id");
            put(key + ".label", text(type, "label"));
            put(key + ".description", text(type, "description"));
        }
        section("thing types config");
        for (Element type : thingTypes) {
            for (Element config : children(type, "config-description")) {
                config(config, "thing-type.config." + binding + "." + type.getAttribute("id"));
            }
        }
        section("channel types");
        for (Element channelType : children(root, "channel-type")) {
            String key = "channel-type." + binding + "." + channelType.getAttribute("id");
            put(key + ".label", text(channelType, "label"));
            put(key + ".description", text(channelType, "description"));
            for (String part : List.of("state", "command", "event")) {
                for (Element holder : children(channelType, part)) {
                    for (Element options : children(holder, "options")) {
                        for (Element option : children(options, "option")) {
                            put(key + "." + part + ".option." + option.getAttribute("value"), clean(option));
                        }
                    }
                }
            }
        }
    }

    private void config(Element config, String prefix) {
        for (Element group : children(config, "parameter-group")) {
            String key = prefix + ".group." + group.getAttribute("name");
            put(key + ".label", text(group, "label"));
            put(key + ".description", text(group, "description"));
        }
        for (Element parameter : children(config, "parameter")) {
            String key = prefix + "." + parameter.getAttribute("name");
            put(key + ".label", text(parameter, "label"));
            put(key + ".description", text(parameter, "description"));
            for (Element options : children(parameter, "options")) {
                for (Element option : children(options, "option")) {
                    put(key + ".option." + option.getAttribute("value"), clean(option));
                }
            }
        }
    }

    private void section(String name) {
        if (!lines.isEmpty()) {
            lines.add("");
        }
        lines.add("# " + name);
        lines.add("");
    }

    private void put(String key, String value) {
        if (!value.isEmpty()) {
            lines.add(key + " = " + escape(value));
        }
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : clean(found.get(0));
    }

    /** XML descriptions wrap over several indented lines; a translation is one line. */
    private static String clean(Element element) {
        return element.getTextContent().trim().replaceAll("\\s+", " ");
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }
}
