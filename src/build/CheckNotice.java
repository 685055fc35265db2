import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Fails the build when something Beholder ships is missing from NOTICE, naming it. A licence notice that forgets a
 * part is a licence breach nobody sees, so the list is checked against what the build really produced:
 * <ul>
 * <li>{@code --kar FILE}: every third-party jar in the .kar needs a "Maven: group:artifact" line; every Beholder
 * bundle in it is opened, and any class outside Beholder's own packages (a private copy of a library, as bnd's
 * Private-Package makes) needs a "Packages:" line; each Beholder bundle carries META-INF/LICENSE and
 * META-INF/NOTICE;</li>
 * <li>{@code --jar FILE}: a shaded jar; each META-INF/maven/.../pom.properties needs a "Maven:" line and each class
 * outside Beholder's packages a "Packages:" line (some jars, JNA's for one, carry no pom.properties);</li>
 * <li>both {@code --kar} and {@code --jar}: the archive carries, at its top, LICENSE and NOTICE as they are in the
 * repository and licenses/ID.txt, as in the repository's licenses/ folder, for every licence NOTICE names as one
 * under which a shipped part comes (see {@link #licences});</li>
 * <li>{@code --npm-lock FILE}: every package of an npm package-lock.json (v2/v3) that is not a dev dependency
 * needs an "npm: name" line;</li>
 * <li>{@code --js-map FILE}: the source map of a JavaScript file the page ships; every npm package whose sources
 * it names needs an "npm:" line. Libraries build their dev dependencies into their distribution files (hls.js
 * carries url-toolkit), and those never appear in our package-lock.json;</li>
 * <li>{@code --npm NAME[@VERSION]}: an npm package the build fetches by itself (the model) needs an "npm:" line.</li>
 * </ul>
 * Usage: {@code java CheckNotice.java NOTICE [--kar FILE] [--jar FILE] [--npm-lock FILE] [--js-map FILE]
 * [--npm NAME]...}.
 * Exits 1 with one line per missing part.
 */
public final class CheckNotice {
    /** Beholder's own code; everything else in a shipped archive is third-party. */
    private static final List<String> OWN_PACKAGES = List.of("org.beholder", "org.openhab.binding.beholder");
    private static final Pattern NOTICE_LINE = Pattern.compile("^\\s*(maven|npm|packages):\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    /** repository/group/path/artifact/version/file.jar inside a .kar (a Maven repository layout). */
    private static final Pattern KAR_JAR = Pattern.compile("repository/(.+)/([^/]+)/([^/]+)/[^/]+\\.jar");
    private static final Pattern MULTI_RELEASE = Pattern.compile("^META-INF/versions/\\d+/");
    private static final Pattern LICENCE_LINE = Pattern.compile("^\\s*Licence:\\s*(.*)$");
    /** Where a dual-licensed part names the licence Beholder chose. */
    private static final Pattern CHOSEN = Pattern.compile("uses it under ([\\w.+-]+)");
    /** A row of the tables of packages built into the page's libraries: "name   LICENCE   Copyright ...". */
    private static final Pattern TABLE_ROW = Pattern.compile("\\s{2,}([A-Za-z][\\w.+-]*)\\s{2,}(Copyright|\\(above)");
    private static final Pattern SPDX_ID = Pattern.compile("[A-Za-z][\\w.+-]*");
    /** NOTICE's last section lists files that are not shipped; their licences need no text in what ships. */
    private static final String NOT_SHIPPED = "Files in the repository that are not shipped";

    private final Path notice;
    /** The licence texts (file names in licenses/) what ships needs, from NOTICE's "Licence:" lines and tables. */
    private final Set<String> licenceTexts = new TreeSet<>();
    private final Set<String> maven = new TreeSet<>();
    private final Set<String> npm = new TreeSet<>();
    private final List<String> packages = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int mavenChecked;
    private int npmChecked;
    private int packagesChecked;
    private int licencesChecked;

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println("usage: CheckNotice NOTICE [--kar FILE] [--jar FILE] [--npm-lock FILE] [--js-map FILE]"
                    + " [--npm NAME]...");
            System.exit(2);
        }
        Path notice = Path.of(args[0]).toAbsolutePath().normalize();
        CheckNotice check = new CheckNotice(notice);
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--kar" -> check.kar(Path.of(args[i + 1]));
                case "--jar" -> check.shadedJar(Path.of(args[i + 1]));
                case "--npm-lock" -> check.npmLock(Path.of(args[i + 1]));
                case "--js-map" -> check.sourceMap(Path.of(args[i + 1]));
                case "--npm" -> check.npm(args[i + 1], "the build (npm pack)");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!check.problems.isEmpty()) {
            check.problems.forEach(p -> System.err.println("NOTICE: " + p));
            System.err.println("NOTICE: " + check.problems.size() + " problem(s): every shipped part needs its entry"
                    + " in " + notice + ", and what ships needs LICENSE, NOTICE and licenses/ (see the top of NOTICE)");
            System.exit(1);
        }
        List<String> counts = new ArrayList<>();
        if (check.mavenChecked > 0) {
            counts.add(check.mavenChecked + " Maven artifact(s)");
        }
        if (check.npmChecked > 0) {
            counts.add(check.npmChecked + " npm package(s)");
        }
        if (check.packagesChecked > 0) {
            counts.add(check.packagesChecked + " third-party Java package(s)");
        }
        if (check.licencesChecked > 0) {
            counts.add(check.licencesChecked + " licence file(s)");
        }
        System.out.println("NOTICE: ok, " + notice + " names the " + String.join(", ", counts) + " shipped here");
    }

    CheckNotice(Path notice) throws IOException {
        this.notice = notice;
        licences(Files.readAllLines(notice));
        // A value may go on over the following lines (long Maven lists): a line that only continues the list
        // starts with spaces and holds no "label:" of its own.
        String label = null;
        for (String line : Files.readAllLines(notice)) {
            Matcher m = NOTICE_LINE.matcher(line);
            String values;
            if (m.matches()) {
                label = m.group(1).toLowerCase(Locale.ROOT);
                values = m.group(2);
            } else if (label != null && line.startsWith("    ") && !line.isBlank() && !line.contains(": ")) {
                values = line;
            } else {
                label = null;
                continue;
            }
            for (String value : values.split(",")) {
                String v = value.trim();
                if (v.isEmpty()) {
                    continue;
                }
                switch (label) {
                    case "maven" -> maven.add(v);
                    case "npm" -> npm.add(v);
                    default -> packages.add(v);
                }
            }
        }
    }

    private void kar(Path kar) throws IOException {
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                Matcher m = KAR_JAR.matcher(entry.getName());
                if (!m.matches()) {
                    continue;
                }
                String group = m.group(1).replace('/', '.');
                String where = kar.getFileName() + " (" + entry.getName() + ")";
                if (group.equals("org.beholder")) {
                    List<String> names = new ArrayList<>();
                    List<byte[]> poms = new ArrayList<>();
                    try (InputStream in = zip.getInputStream(entry)) {
                        read(in, names, poms);
                    }
                    contents(names, poms, where);
                    for (String required : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
                        if (!names.contains(required)) {
                            problems.add(where + " lacks " + required);
                        }
                    }
                } else {
                    maven(group + ":" + m.group(2), m.group(3), where);
                }
            }
            licenceTexts(zip, kar.getFileName().toString());
        }
    }

    private void shadedJar(Path path) throws IOException {
        // ZipFile reads the central directory only: beholder.jar holds some 600 MB of TensorFlow natives
        try (ZipFile jar = new ZipFile(path.toFile())) {
            List<String> names = new ArrayList<>();
            List<byte[]> poms = new ArrayList<>();
            for (ZipEntry entry : jar.stream().toList()) {
                names.add(entry.getName());
                if (isPomProperties(entry.getName()) || entry.getName().endsWith(".jar")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        if (entry.getName().endsWith(".jar")) {
                            read(in, names, poms);
                        } else {
                            poms.add(in.readAllBytes());
                        }
                    }
                }
            }
            contents(names, poms, path.getFileName().toString());
            licenceTexts(jar, path.getFileName().toString());
        }
    }

    /**
     * The licences under which NOTICE says the shipped parts come: each "Licence:" line's SPDX ids before its first
     * remark in brackets or after a semicolon, or only the one Beholder "uses it under" where it chose; and the
     * licence column of the tables. Each needs its text in licenses/, named by the id without -only/-or-later
     * (the text is the same); LGPL-3.0 only adds permissions to GPL-3.0, so it needs the GPL-3.0 text too.
     */
    private void licences(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith(NOT_SHIPPED)) {
                break;
            }
            Matcher licence = LICENCE_LINE.matcher(line);
            Matcher row = TABLE_ROW.matcher(line);
            List<String> ids = new ArrayList<>();
            if (licence.matches()) {
                Matcher chosen = CHOSEN.matcher(licence.group(1));
                String expression = chosen.find() ? chosen.group(1) : licence.group(1).split("[(;]")[0];
                Matcher id = SPDX_ID.matcher(expression);
                while (id.find()) {
                    if (!List.of("AND", "OR", "WITH").contains(id.group())) {
                        ids.add(id.group());
                    }
                }
            } else if (row.find()) {
                ids.add(row.group(1));
            }
            for (String id : ids) {
                String text = id.replaceFirst("-(only|or-later)$", "");
                licenceTexts.add(text + ".txt");
                if (text.equals("LGPL-3.0")) {
                    licenceTexts.add("GPL-3.0.txt");
                }
            }
        }
    }

    /** LICENSE, NOTICE and every licence text at the top of an archive, each the same as in the repository. */
    private void licenceTexts(ZipFile archive, String where) throws IOException {
        Path repository = notice.getParent();
        List<String> required = new ArrayList<>(List.of("LICENSE", "NOTICE"));
        licenceTexts.forEach(text -> required.add("licenses/" + text));
        for (String name : required) {
            Path source = repository.resolve(name);
            ZipEntry entry = archive.getEntry(name);
            if (!Files.isRegularFile(source)) {
                problems.add(source + " is missing: NOTICE names a licence whose text it should hold");
            } else if (entry == null) {
                problems.add(where + " lacks " + name);
            } else {
                try (InputStream in = archive.getInputStream(entry)) {
                    if (!Arrays.equals(in.readAllBytes(), Files.readAllBytes(source))) {
                        problems.add(where + " has a " + name + " that differs from " + source);
                    }
                }
            }
        }
        licencesChecked += required.size();
    }

    /**
     * Collects the entry names and pom.properties of a (small) jar read as a stream, and of the jars nested in it:
     * a bundle may carry a library as a jar on its Bundle-ClassPath instead of as private packages.
     */
    private static void read(InputStream in, List<String> names, List<byte[]> poms) throws IOException {
        ZipInputStream jar = new ZipInputStream(in); // not closed here: the caller owns the stream
        for (ZipEntry entry; (entry = jar.getNextEntry()) != null;) {
            names.add(entry.getName());
            if (isPomProperties(entry.getName())) {
                poms.add(jar.readAllBytes());
            } else if (entry.getName().endsWith(".jar")) {
                read(new ByteArrayInputStream(jar.readAllBytes()), names, poms);
            }
        }
    }

    private static boolean isPomProperties(String name) {
        return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
    }

    /** One jar: the Maven artifacts it records (pom.properties) and the packages of its classes. */
    private void contents(List<String> names, List<byte[]> poms, String where) throws IOException {
        for (byte[] bytes : poms) {
            Properties pom = new Properties();
            pom.load(new ByteArrayInputStream(bytes));
            String group = pom.getProperty("groupId");
            if (!group.equals("org.beholder")) {
                maven(group + ":" + pom.getProperty("artifactId"), pom.getProperty("version"), where);
            }
        }
        // package -> an example class, to name what is missing without listing thousands of classes
        Map<String, String> foreign = new TreeMap<>();
        for (String name : names) {
            if (name.endsWith(".class")) {
                String path = MULTI_RELEASE.matcher(name).replaceFirst("");
                int slash = path.lastIndexOf('/');
                String pkg = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
                if (!within(pkg, OWN_PACKAGES)) {
                    foreign.putIfAbsent(pkg, name);
                }
            }
        }
        // Report each uncovered package tree once, by its top three levels (com.example.lib), with an example.
        Map<String, String> missing = new LinkedHashMap<>();
        foreign.forEach((pkg, example) -> {
            packagesChecked++;
            if (!within(pkg, packages)) {
                List<String> parts = List.of(pkg.split("\\."));
                String top = String.join(".", parts.subList(0, Math.min(3, parts.size())));
                missing.putIfAbsent(top.isEmpty() ? "(the default package)" : top, example);
            }
        });
        missing.forEach((pkg, example) -> problems.add(where + " has classes of package " + pkg + " (e.g. " + example
                + ") that no \"Packages:\" line names"));
    }

    private void maven(String artifact, String version, String where) {
        mavenChecked++;
        if (!maven.contains(artifact)) {
            problems.add(where + " ships " + artifact + ":" + version + ", which no \"Maven:\" line names");
        }
    }

    private void npmLock(Path lock) throws IOException {
        Object json = new Json(Files.readString(lock)).value();
        if (!(json instanceof Map<?, ?> root) || !(root.get("packages") instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException(lock + " is not a package-lock.json of lockfileVersion 2 or 3");
        }
        entries.forEach((key, value) -> {
            String path = (String) key;
            Map<?, ?> pkg = (Map<?, ?>) value;
            // "" is the project itself; dev dependencies are never copied into what ships
            if (path.isEmpty() || Boolean.TRUE.equals(pkg.get("dev"))) {
                return;
            }
            String name = path.substring(path.lastIndexOf("node_modules/") + "node_modules/".length());
            npm(name + "@" + pkg.get("version"), lock.toString());
        });
    }

    private void sourceMap(Path map) throws IOException {
        if (!(new Json(Files.readString(map)).value() instanceof Map<?, ?> root)
                || !(root.get("sources") instanceof List<?> sources)) {
            throw new IllegalArgumentException(map + " is not a source map");
        }
        Set<String> bundled = new TreeSet<>();
        for (Object source : sources) {
            String path = String.valueOf(source);
            int at = path.lastIndexOf("node_modules/");
            if (at >= 0) {
                String[] parts = path.substring(at + "node_modules/".length()).split("/");
                bundled.add(parts[0].startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0]);
            }
        }
        bundled.forEach(name -> npm(name, map.toString()));
    }

    private void npm(String nameAndVersion, String where) {
        npmChecked++;
        int at = nameAndVersion.lastIndexOf('@');
        String name = at > 0 ? nameAndVersion.substring(0, at) : nameAndVersion;
        if (!npm.contains(name)) {
            problems.add(where + " ships the npm package " + nameAndVersion + ", which no \"npm:\" line names");
        }
    }

    /** Whether a package is one of the prefixes or below one of them. */
    private static boolean within(String pkg, List<String> prefixes) {
        return prefixes.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }

    /** Just enough JSON for package-lock.json: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.put(key, value());
                    skipSpace();
                } while (text.charAt(at++) == ',');
                require(text.charAt(at - 1) == '}');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skipSpace();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                do {
                    list.add(value());
                    skipSpace();
                } while (text.charAt(at++) == ',');
                require(text.charAt(at - 1) == ']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String word : List.of("true", "false", "null")) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            require(at > start);
            return Double.valueOf(text.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            for (char c; (c = text.charAt(at++)) != '"';) {
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e); // \" \\ \/
                    }
                } else {
                    s.append(c);
                }
            }
            return s.toString();
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private void expect(char c) {
            require(text.charAt(at++) == c);
        }

        private void require(boolean ok) {
            if (!ok) {
                throw new IllegalArgumentException("not JSON at character " + at);
            }
        }
    }
}
