package org.beholder.openhab.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.source.util.JavacTask;

/**
 * The mirror against openHAB 5.2.1 itself, from the listings copied into {@code src/test/resources/openhab-5.2.1}
 * (taken from the real bundles, see {@code shared/openhab-api/README.md}):
 * <ul>
 * <li>every public and protected member of a mirrored type that has a {@code javap -protected} listing is in that
 * listing, and the type's declaration line is the same (nothing invented, same signatures);</li>
 * <li>every declaration that {@code mirror-vs-real-5.2.1.txt} records for openHAB — with its null annotations,
 * which {@code javap} does not show — is declared so in the mirror's source.</li>
 * </ul>
 */
class MirrorSignaturesTest {
    private static final Path LISTINGS = Path.of("src/test/resources/openhab-5.2.1");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Set<String> NULL_ANNOTATIONS = Set.of("NonNullByDefault", "Nullable", "NonNull");
    /** Only the types of AuthFilter's constructor parameters, which openHAB's listings do not cover. */
    private static final Set<String> PARAMETER_TYPES_ONLY = Set.of("org.openhab.core.auth.UserRegistry",
            "org.openhab.core.io.rest.auth.internal.JwtHelper");

    private static Map<String, TypeElement> mirror;

    @BeforeAll
    static void analyseTheMirrorSources() throws IOException {
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavacTask task = (JavacTask) javac.getTask(null, files, null,
                List.of("-proc:none", "--release", "21", "-cp", System.getProperty("java.class.path")), null,
                files.getJavaFileObjectsFromPaths(sources));
        mirror = new LinkedHashMap<>();
        for (Element element : task.analyze()) {
            if (element instanceof TypeElement type && type.getEnclosingElement().getKind() == ElementKind.PACKAGE) {
                mirror.put(type.getQualifiedName().toString(), type);
            }
        }
        assertTrue(mirror.size() > 40, "mirror types: " + mirror.keySet());
    }

    // ---- signatures: javap of the compiled mirror against javap of openHAB --------------------------------------

    @Test
    void everyMirroredMemberIsOpenHabsOwn() throws IOException {
        List<String> differences = new ArrayList<>();
        for (String type : mirror.keySet()) {
            Path listing = LISTINGS.resolve(type.substring(type.lastIndexOf('.') + 1) + ".txt");
            if (!Files.exists(listing)) {
                continue;
            }
            Javap real = Javap.parse(Files.readString(listing));
            Javap ours = Javap.parse(javap(type));
            if (!real.header().equals(ours.header())) {
                differences.add(type + "\n    mirror: " + ours.header() + "\n    real:   " + real.header());
            }
            for (String member : ours.members()) {
                if (!real.members().contains(member)) {
                    differences.add(type + "\n    NOT IN REAL: " + member);
                }
            }
        }
        assertEquals("", String.join("\n", differences));
    }

    @Test
    void everyMirroredTypeIsCoveredByOpenHabsListings() throws IOException {
        Set<String> covered = new HashSet<>(VersusReal.parse(Files.readString(LISTINGS.resolve(
                "mirror-vs-real-5.2.1.txt"))).types());
        Set<String> uncovered = new TreeSet<>();
        for (String type : mirror.keySet()) {
            boolean listed = Files.exists(LISTINGS.resolve(type.substring(type.lastIndexOf('.') + 1) + ".txt"));
            if (!listed && !covered.contains(type) && !PARAMETER_TYPES_ONLY.contains(type)) {
                uncovered.add(type);
            }
        }
        assertEquals(Set.of(), uncovered, "mirror types that no listing of openHAB 5.2.1 vouches for");
    }

    private static String javap(String type) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        int status = javap.run(new PrintWriter(out), new PrintWriter(out), "-protected", "-cp", CLASSES.toString(),
                type);
        assertEquals(0, status, out.toString());
        return out.toString();
    }

    /** A {@code javap -protected} listing: the declaration line and the member lines. */
    private record Javap(String header, Set<String> members) {
        static Javap parse(String text) {
            String header = "";
            Set<String> members = new TreeSet<>();
            for (String line : text.lines().toList()) {
                if (line.startsWith("Compiled from") || line.equals("}") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("  ")) {
                    String member = line.strip();
                    if (!member.equals("static {};")) { // a static initialiser is no API
                        members.add(member);
                    }
                } else {
                    header = line.strip();
                }
            }
            return new Javap(header, members);
        }
    }

    // ---- null annotations: the mirror's source against openHAB's declarations -----------------------------------

    @Test
    void everyDeclarationOpenHabAnnotatesIsAnnotatedAlike() throws IOException {
        VersusReal versus = VersusReal.parse(Files.readString(LISTINGS.resolve("mirror-vs-real-5.2.1.txt")));
        List<String> differences = new ArrayList<>();
        for (VersusReal.Entry entry : versus.entries()) {
            TypeElement type = mirror.get(entry.type());
            if (type == null) {
                differences.add(entry.type() + ": not in the mirror");
                continue;
            }
            if (entry.notInReal()) {
                if (declarations(type).stream().map(MirrorSignaturesTest::normalise)
                        .anyMatch(normalise(entry.real())::equals)) {
                    differences.add(entry.type() + "\n    NOT IN REAL: " + entry.real());
                }
                continue;
            }
            String expected = normalise(entry.real());
            String key = key(expected);
            List<String> candidates = entry.isType() ? List.of(render(type))
                    : declarations(type).stream().filter(d -> key(normalise(d)).equals(key)).toList();
            if (candidates.stream().map(MirrorSignaturesTest::normalise).noneMatch(expected::equals)) {
                differences.add(entry.type() + "\n    mirror: " + candidates + "\n    real:   " + entry.real());
            }
        }
        assertEquals("", String.join("\n", differences));
        assertEquals(73, versus.entries().size(), "the listing's 73 differences are all checked");
    }

    /**
     * Keeps only the null annotations (the real declarations also carry DS, JAX-RS and other annotations the
     * mirror must not have), sorts the leading ones, drops {@code @Override} (not part of a signature) and spaces.
     */
    static String normalise(String declaration) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < declaration.length()) {
            char c = declaration.charAt(i);
            if (c != '@') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < declaration.length() && (Character.isJavaIdentifierPart(declaration.charAt(end))
                    || declaration.charAt(end) == '.')) {
                end++;
            }
            String name = declaration.substring(i + 1, end);
            name = name.substring(name.lastIndexOf('.') + 1);
            int after = end;
            if (after < declaration.length() && declaration.charAt(after) == '(') {
                after = closing(declaration, after) + 1;
            }
            if (NULL_ANNOTATIONS.contains(name)) {
                out.append('@').append(name).append(declaration, end, after);
            }
            i = after;
        }
        String text = out.toString().replaceAll("\\s+", " ").strip();
        // Leading annotations in any order: openHAB's sources put them before or after other annotations.
        List<String> leading = new ArrayList<>();
        while (text.startsWith("@")) {
            int space = text.indexOf(' ');
            leading.add(text.substring(0, space));
            text = text.substring(space + 1);
        }
        return leading.stream().sorted().collect(Collectors.joining(" ")) + " | " + text;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced: " + text);
    }

    /** A member's identity: its name and parameter types, without annotations. */
    private static String key(String normalised) {
        String signature = normalised.substring(normalised.indexOf('|') + 1).replaceAll("@\\w+(\\(\\{}\\))? ?", "");
        int paren = signature.indexOf('(');
        if (paren < 0) { // a field
            return signature.substring(signature.lastIndexOf(' ') + 1);
        }
        String name = signature.substring(signature.lastIndexOf(' ', paren) + 1, paren);
        return name + signature.substring(paren, signature.indexOf(')') + 1);
    }

    private static List<String> declarations(TypeElement type) {
        List<String> out = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getModifiers().contains(Modifier.PUBLIC) || member.getModifiers().contains(Modifier.PROTECTED)) {
                if (member instanceof ExecutableElement method) {
                    out.add(render(method));
                } else if (member instanceof VariableElement field) {
                    out.add(annotations(field) + modifiers(field) + Types.render(field.asType()) + " "
                            + field.getSimpleName());
                }
            }
        }
        return out;
    }

    /** In the listing's notation: {@code @Nullable public Thing createThing(ThingTypeUID, @Nullable ThingUID)}. */
    private static String render(ExecutableElement method) {
        StringBuilder out = new StringBuilder(annotations(method));
        out.append(String.join(" ", Types.annotations(method.getReturnType()))).append(' ');
        out.append(modifiers(method));
        if (!method.getTypeParameters().isEmpty()) {
            out.append(typeParameters(method.getTypeParameters())).append(' ');
        }
        if (method.getKind() == ElementKind.CONSTRUCTOR) {
            out.append(method.getEnclosingElement().getSimpleName());
        } else {
            out.append(Types.renderWithoutAnnotations(method.getReturnType())).append(' ')
                    .append(method.getSimpleName());
        }
        out.append('(').append(method.getParameters().stream().map(p -> Types.render(p.asType()))
                .collect(Collectors.joining(", "))).append(')');
        if (!method.getThrownTypes().isEmpty()) {
            out.append(" throws ").append(method.getThrownTypes().stream().map(Types::render)
                    .collect(Collectors.joining(", ")));
        }
        return out.toString();
    }

    /** A type's declaration line: {@code @NonNullByDefault public class X extends Y implements A, B}. */
    private static String render(TypeElement type) {
        StringBuilder out = new StringBuilder(annotations(type)).append(modifiers(type));
        out.append(switch (type.getKind()) {
            case INTERFACE -> "interface ";
            case ENUM -> "enum ";
            case ANNOTATION_TYPE -> "@interface ";
            default -> "class ";
        });
        out.append(type.getSimpleName());
        if (!type.getTypeParameters().isEmpty()) {
            out.append(typeParameters(type.getTypeParameters()));
        }
        String superclass = Types.render(type.getSuperclass());
        if (type.getKind() == ElementKind.CLASS && !superclass.equals("Object")) {
            out.append(" extends ").append(superclass);
        }
        List<String> interfaces = type.getInterfaces().stream().map(Types::render).sorted().toList();
        if (!interfaces.isEmpty()) {
            out.append(type.getKind() == ElementKind.INTERFACE ? " extends " : " implements ")
                    .append(String.join(", ", interfaces));
        }
        return out.toString();
    }

    private static String typeParameters(List<? extends TypeParameterElement> parameters) {
        return parameters.stream().map(p -> {
            String bounds = p.getBounds().stream().map(Types::render).filter(b -> !b.equals("Object"))
                    .collect(Collectors.joining(" & "));
            Set<String> all = new TreeSet<>(Types.annotations(p.asType()));
            p.getAnnotationMirrors().forEach(a -> all.add(Types.render(a)));
            String annotations = String.join(" ", all);
            return (annotations.isEmpty() ? "" : annotations + " ") + p.getSimpleName()
                    + (bounds.isEmpty() ? "" : " extends " + bounds);
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String annotations(Element element) {
        return element.getAnnotationMirrors().stream().map(Types::render).map(a -> a + " ")
                .collect(Collectors.joining());
    }

    /** As the listings write them: an interface is not "abstract", an enum not "final". */
    private static String modifiers(Element element) {
        return element.getModifiers().stream()
                .filter(m -> !(element.getKind() == ElementKind.INTERFACE && m == Modifier.ABSTRACT))
                .filter(m -> !(element.getKind() == ElementKind.ENUM && m == Modifier.FINAL))
                .map(m -> m + " ").collect(Collectors.joining());
    }
}
