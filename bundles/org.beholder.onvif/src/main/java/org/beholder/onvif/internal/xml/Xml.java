package org.beholder.onvif.internal.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reading a DOM by local names: prefixes are ignored, unknown elements are simply never asked for, and a
 * missing optional element is an empty Optional rather than an error.
 */
public final class Xml {
    private Xml() {
    }

    public static String localName(Node node) {
        String name = node.getNodeName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** Element children with that local name, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName(element).equals(localName)) {
                found.add(element);
            }
        }
        return found;
    }

    public static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first child along a path of local names. */
    public static Optional<Element> child(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            List<Element> next = children(current, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get(0);
        }
        return Optional.of(current);
    }

    /** Every descendant with that local name, depth first. */
    public static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (localName(all.item(i)).equals(localName)) {
                found.add((Element) all.item(i));
            }
        }
        return found;
    }

    public static Optional<Element> firstDescendant(Element root, String localName) {
        List<Element> all = descendants(root, localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Trimmed text of the child along the path, if present and not blank. */
    public static Optional<String> text(Element parent, String... path) {
        return child(parent, path).map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    public static String textOr(Element parent, String fallback, String... path) {
        return text(parent, path).orElse(fallback);
    }

    public static Optional<Integer> integer(Element parent, String... path) {
        return text(parent, path).flatMap(Xml::parseInt);
    }

    public static Optional<Double> decimal(Element parent, String... path) {
        return text(parent, path).flatMap(Xml::parseDouble);
    }

    /** An attribute by local name; devices differ in whether they prefix attributes. */
    public static Optional<String> attribute(Element element, String localName) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (localName(attribute).equals(localName) && !attribute.getNodeName().startsWith("xmlns")) {
                String value = attribute.getNodeValue().trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            // Some devices send "25.000000" where an int belongs.
            return parseDouble(text).map(d -> (int) Math.round(d));
        }
    }

    public static Optional<Double> parseDouble(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Escapes text for an element or attribute value of a request. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
