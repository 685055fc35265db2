import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Fails the build when a module pom pins a version itself: every plugin and dependency version lives in the root
 * pom (properties, dependencyManagement, pluginManagement), so one edit there moves it everywhere. A module pom
 * may only name its parent's version and {@code ${project.version}} (Beholder's own modules), and defines no
 * {@code version.*} property. Walks the root pom's modules, and theirs.
 * Usage: {@code java CheckVersions.java ROOT_POM}. Exits 1 with one line per pinned version.
 */
public final class CheckVersions {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<String> problems = new ArrayList<>();
        Deque<Path> poms = new ArrayDeque<>(modules(factory.newDocumentBuilder().parse(root.toFile())
                .getDocumentElement(), root));
        int checked = 0;
        while (!poms.isEmpty()) {
            Path pom = poms.pop();
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            String where = root.getParent().relativize(pom).toString();
            NodeList versions = project.getElementsByTagName("version");
            for (int i = 0; i < versions.getLength(); i++) {
                Node version = versions.item(i);
                String value = version.getTextContent().trim();
                Node owner = version.getParentNode();
                boolean parentVersion = owner.getNodeName().equals("parent") && owner.getParentNode() == project;
                if (!parentVersion && !value.equals("${project.version}") && !insideConfiguration(owner)) {
                    problems.add(where + ": " + artifact((Element) owner) + " pins version " + value);
                }
            }
            for (Element properties : children(project, "properties")) {
                for (Node p = properties.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element property && property.getTagName().startsWith("version.")) {
                        problems.add(where + ": property " + property.getTagName() + " belongs in the root pom");
                    }
                }
            }
            poms.addAll(modules(project, pom));
            checked++;
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("versions: " + p));
            System.err.println("versions: pin each version once, in " + root + " (properties, dependencyManagement"
                    + " or pluginManagement), and leave the <version> out of the module pom");
            System.exit(1);
        }
        System.out.println("versions: ok, no version pinned in the " + checked + " module poms");
    }

    /** The poms of the modules a pom lists. */
    private static List<Path> modules(Element project, Path pom) {
        List<Path> modules = new ArrayList<>();
        for (Element list : children(project, "modules")) {
            for (Element module : children(list, "module")) {
                Path path = pom.resolveSibling(module.getTextContent().trim()).normalize();
                modules.add(Files.isDirectory(path) ? path.resolve("pom.xml") : path);
            }
        }
        return modules;
    }

    /** A plugin's own parameter may be called "version" (enforcer's Java version); that pins nothing. */
    private static boolean insideConfiguration(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n.getNodeName().equals("configuration")) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                children.add(e);
            }
        }
        return children;
    }

    private static String artifact(Element owner) {
        List<Element> ids = children(owner, "artifactId");
        return ids.isEmpty() ? "<" + owner.getTagName() + ">" : ids.get(0).getTextContent().trim();
    }
}
