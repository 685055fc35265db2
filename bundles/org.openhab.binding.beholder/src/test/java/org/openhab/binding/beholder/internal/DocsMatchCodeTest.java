package org.openhab.binding.beholder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.servlet.Servlet;
import javax.xml.parsers.DocumentBuilderFactory;

import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelState;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.testing.Waits;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.beholder.internal.handler.NvrChannelActions;
import org.openhab.binding.beholder.internal.web.BeholderWebSocketAdapter;
import org.openhab.binding.beholder.internal.web.WebMounts;
import org.openhab.binding.beholder.testing.TokenAuthFilter;
import org.openhab.core.automation.annotation.RuleAction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The reference pages under {@code docs/reference/} name exactly what the code has: every standalone config key,
 * openHAB parameter, channel, thing action, REST path and mount point in their tables exists in the code, and
 * everything the code has is in the tables. Also every relative link in the project's Markdown resolves.
 * <p>
 * It lives in the binding because this module sees the most of what it checks as it really is: the binding's
 * {@code OH-INF} files and {@code @RuleAction} methods, and, through its dependency on {@code org.beholder.web},
 * the real servlets, which are mounted where {@link WebMounts} registers them and asked for every documented path.
 * The standalone server is not a dependency of the binding, so its config keys are read from the loader's source
 * (the {@code allowOnly(...)} calls, which decide what the loader accepts). The docs are found relative to this
 * module's folder ({@code ../../docs/reference}).
 * <p>
 * The tables are found by their first header cell ("Key", "Thing parameter", "Method and path", ...); the name is
 * the backticked text of each row's first cell.
 */
class DocsMatchCodeTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path ROOT = MODULE.resolve("../..").normalize();
    private static final Path REFERENCE = ROOT.resolve("docs/reference");
    private static final Path STANDALONE_CONFIG = ROOT
            .resolve("bundles/org.beholder.standalone/src/main/java/org/beholder/standalone/internal/config");
    private static final Path WEB_API = ROOT.resolve("bundles/org.beholder.web/src/main/java/org/beholder/web/internal/api");
    private static final Path WEB_PAGE = ROOT
            .resolve("bundles/org.beholder.web/src/main/java/org/beholder/web/internal/page/PageServlet.java");

    @TempDir
    Path data;

    // ---- standalone beholder.yml ----

    /** Which section of beholder.yml each {@code allowOnly} receiver in the loader checks. */
    private static final Map<String, String> SECTIONS = Map.of("top", "", "server", "server.", "storage", "storage.",
            "user", "users[].", "token", "tokens[].", "channel", "channels[].", "zone", "channels[].zones[].");

    @Test
    void standaloneConfigKeysAreExactlyThoseTheLoaderAccepts() throws IOException {
        Set<String> documented = names(REFERENCE.resolve("standalone-config.md"), "Key");
        assertSameNames(standaloneKeys(), documented, "docs/reference/standalone-config.md",
                "the keys ConfigLoader/ChannelReader accept (allowOnly)");
    }

    static Set<String> standaloneKeys() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        int calls = 0;
        try (Stream<Path> files = Files.list(STANDALONE_CONFIG)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher call = Pattern.compile("(\\w+)\\.allowOnly\\(([^;]*)\\);").matcher(source);
                while (call.find()) {
                    calls++;
                    String receiver = call.group(1);
                    String prefix = SECTIONS.get(receiver);
                    if (prefix == null) {
                        fail(file.getFileName() + ": allowOnly on '" + receiver
                                + "', a section this test does not know; add it to SECTIONS with its path");
                    }
                    String argument = call.group(2).trim();
                    String set = argument.startsWith("Set.of(") ? argument
                            : constant(source, argument, file.getFileName().toString());
                    for (String key : literals(set)) {
                        keys.add(prefix + key);
                    }
                }
            }
        }
        assertTrue(calls >= 7, "expected the loader's allowOnly calls, found " + calls);
        return keys;
    }

    private static String constant(String source, String name, String file) {
        Matcher definition = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=\\s*(Set\\.of\\([^;]*\\))\\s*;",
                Pattern.DOTALL).matcher(source);
        if (!definition.find()) {
            fail(file + ": cannot find the definition of " + name);
        }
        return definition.group(1);
    }

    /**
     * docs/reference/settings.md lists exactly the components of core's CameraSettings; each YAML key it names is
     * one the loader accepts, and each Thing parameter is one of thing-types.xml and the one the Thing's
     * translator reports that setting's problems under.
     */
    @Test
    void cameraSettingsTableMatchesTheRecordAndBothFrontEnds() throws Exception {
        Map<String, List<String>> rows = rows(REFERENCE.resolve("settings.md"), "Setting");
        Set<String> components = new LinkedHashSet<>();
        for (java.lang.reflect.RecordComponent component : CameraSettings.class.getRecordComponents()) {
            components.add(component.getName());
        }
        assertSameNames(components, rows.keySet(), "docs/reference/settings.md", "the components of CameraSettings");
        Set<String> yamlKeys = standaloneKeys();
        Set<String> thingParameters = new LinkedHashSet<>();
        Element thingType = elements(xml("/OH-INF/thing/thing-types.xml").getDocumentElement(), "thing-type").get(0);
        for (Element parameter : elements(thingType, "parameter")) {
            thingParameters.add(parameter.getAttribute("name"));
        }
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            Matcher yaml = Pattern.compile("^`([A-Za-z]+)`").matcher(row.getValue().get(1));
            assertTrue(yaml.find() && yamlKeys.contains("channels[]." + yaml.group(1)),
                    "settings.md: YAML key of " + row.getKey() + " is not one the loader accepts: " + row.getValue());
            Matcher thing = Pattern.compile("^`([A-Za-z]+)`").matcher(row.getValue().get(2));
            if (thing.find()) {
                assertTrue(thingParameters.contains(thing.group(1)), "settings.md: Thing parameter of "
                        + row.getKey() + " is not in thing-types.xml: " + thing.group(1));
                assertEquals(thing.group(1), NvrChannelConfiguration.parameter(row.getKey()),
                        "the parameter the Thing names in " + row.getKey() + "'s messages");
            } else {
                assertTrue(row.getValue().get(2).startsWith("—"), "settings.md: " + row.getKey()
                        + " has neither a `parameter` nor — in the Thing column");
            }
        }
    }

    // ---- openHAB add-on ----

    @Test
    void addOnParametersAreThoseOfConfigXml() throws Exception {
        Document config = xml("/OH-INF/config/config.xml");
        Set<String> parameters = new TreeSet<>();
        for (Element parameter : elements(config.getDocumentElement(), "parameter")) {
            parameters.add(parameter.getAttribute("name"));
        }
        assertFalse(parameters.isEmpty());
        assertSameNames(parameters, names(REFERENCE.resolve("openhab.md"), "Add-on parameter"),
                "docs/reference/openhab.md", "OH-INF/config/config.xml");
    }

    @Test
    void thingParametersAndTheirDefaultsAreThoseOfThingTypesXml() throws Exception {
        Element thingType = elements(xml("/OH-INF/thing/thing-types.xml").getDocumentElement(), "thing-type").get(0);
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Element parameter : elements(thingType, "parameter")) {
            List<Element> value = elements(parameter, "default");
            defaults.put(parameter.getAttribute("name"), value.isEmpty() ? "" : value.get(0).getTextContent().trim());
        }
        Map<String, List<String>> rows = rows(REFERENCE.resolve("openhab.md"), "Thing parameter");
        assertSameNames(defaults.keySet(), rows.keySet(), "docs/reference/openhab.md",
                "the parameters in OH-INF/thing/thing-types.xml");
        for (Map.Entry<String, String> parameter : defaults.entrySet()) {
            String documented = rows.get(parameter.getKey()).get(2);
            String expected = parameter.getValue().isEmpty() ? "" : "`" + parameter.getValue() + "`";
            assertEquals(expected, documented, "default of " + parameter.getKey() + " in docs/reference/openhab.md");
        }
    }

    @Test
    void channelsAndTheirItemTypesAreThoseOfThingTypesXml() throws Exception {
        Element root = xml("/OH-INF/thing/thing-types.xml").getDocumentElement();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Element channelType : elements(root, "channel-type")) {
            List<Element> itemType = elements(channelType, "item-type");
            kinds.put(channelType.getAttribute("id"),
                    itemType.isEmpty() ? elements(channelType, "kind").get(0).getTextContent().trim()
                            : itemType.get(0).getTextContent().trim());
        }
        Map<String, String> channels = new LinkedHashMap<>();
        Element thingType = elements(root, "thing-type").get(0);
        for (Element channel : elements(thingType, "channel")) {
            channels.put(channel.getAttribute("id"), kinds.get(channel.getAttribute("typeId")));
        }
        Map<String, List<String>> rows = rows(REFERENCE.resolve("openhab.md"), "Channel");
        assertSameNames(channels.keySet(), rows.keySet(), "docs/reference/openhab.md",
                "the channels of nvr-channel in OH-INF/thing/thing-types.xml");
        for (Map.Entry<String, String> channel : channels.entrySet()) {
            assertEquals(channel.getValue(), rows.get(channel.getKey()).get(1),
                    "item type of channel " + channel.getKey() + " in docs/reference/openhab.md");
        }
    }

    @Test
    void thingActionsAreTheRuleActionMethods() throws IOException {
        Map<String, String> actions = new LinkedHashMap<>();
        for (Method method : NvrChannelActions.class.getMethods()) {
            if (method.isAnnotationPresent(RuleAction.class)) {
                String parameters = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(","));
                actions.put(method.getName() + "(" + parameters + ")", method.getReturnType().getSimpleName());
            }
        }
        assertFalse(actions.isEmpty());
        Map<String, String> documented = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> row : rows(REFERENCE.resolve("openhab.md"), "Action").entrySet()) {
            // record(int seconds) -> record(int)
            Matcher signature = Pattern.compile("(\\w+)\\(([^)]*)\\)").matcher(row.getKey());
            assertTrue(signature.matches(), "not a method signature: " + row.getKey());
            String types = Arrays.stream(signature.group(2).split(",")).map(String::trim).filter(p -> !p.isEmpty())
                    .map(p -> p.split("\\s+")[0]).collect(Collectors.joining(","));
            documented.put(signature.group(1) + "(" + types + ")", row.getValue().get(1));
        }
        assertSameNames(actions.keySet(), documented.keySet(), "docs/reference/openhab.md",
                "the @RuleAction methods of NvrChannelActions");
        actions.forEach((action, returns) -> assertEquals(returns, documented.get(action),
                "return type of " + action + " in docs/reference/openhab.md"));
    }

    // ---- REST paths and mount points ----

    /**
     * Code to docs: every literal path segment the API's router knows (from the source of its routing methods) is
     * in the table, and every literal segment in the table is one the router knows; file-name patterns are counted.
     */
    @Test
    void restPathSegmentsAreThoseOfTheRouter() throws IOException {
        Set<String> code = new TreeSet<>();
        code.addAll(routeLiterals(Files.readString(WEB_API.resolve("ApiServlet.java")), "void route("));
        String recordings = Files.readString(WEB_API.resolve("RecordingResources.java"));
        code.addAll(routeLiterals(recordings, "void handle("));
        Matcher fileConstant = Pattern.compile("static final String \\w+ = \"([\\w.-]+\\.(?:m3u8|jpg|ts))\";")
                .matcher(recordings);
        while (fileConstant.find()) {
            code.add(fileConstant.group(1));
        }
        long codePatterns = 0;
        for (String file : List.of("RecordingResources.java", "LiveHlsResources.java")) {
            codePatterns += Pattern.compile("Pattern\\.compile\\(\"[^\"]*\\\\\\\\\\.ts\"\\)")
                    .matcher(Files.readString(WEB_API.resolve(file))).results().count();
        }
        Set<String> documented = new TreeSet<>();
        long documentedPatterns = 0;
        for (String row : names(REFERENCE.resolve("rest.md"), "Method and path")) {
            List<String> segments = apiSegments(row);
            for (String segment : segments) {
                if (!segment.startsWith("{") && !segment.startsWith("<")) {
                    documented.add(segment);
                }
            }
            if (segments.get(segments.size() - 1).matches("<[^>]+>\\.ts")) {
                documentedPatterns++;
            }
        }
        assertSameNames(code, documented, "the API paths of docs/reference/rest.md",
                "the path segments ApiServlet/RecordingResources route");
        assertEquals(codePatterns, documentedPatterns,
                "segment file-name patterns (Pattern.compile ...\\.ts) vs <...>.ts rows in docs/reference/rest.md");
    }

    /** Code to docs and back: the mount points are where WebMounts registers the servlets, plus /ws/<adapter id>. */
    @Test
    void mountPointsAreThoseTheBindingRegisters() throws Exception {
        BeholderHandlerFactory factory = new BeholderHandlerFactory(data, new OpenHabAccessGuard(
                new TokenAuthFilter(Map.of())), Map.of());
        try {
            Set<String> code = new TreeSet<>();
            for (String pattern : whiteboard(factory).keySet()) {
                code.add(pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) : pattern);
            }
            Matcher pageCase = Pattern.compile("case ([^-]*) ->").matcher(Files.readString(WEB_PAGE));
            while (pageCase.find()) {
                for (String label : literals(pageCase.group(1))) {
                    if (label.matches("/[a-z]+")) {
                        code.add("/beholder" + label);
                    }
                }
            }
            code.add("/ws/" + new BeholderWebSocketAdapter(factory).getId());
            Set<String> documented = new TreeSet<>();
            for (String path : names(REFERENCE.resolve("rest.md"), "Path")) {
                documented.add(path.replaceFirst("\\?.*", ""));
            }
            assertSameNames(code, documented, "the mount points of docs/reference/rest.md",
                    "WebMounts, PageServlet and BeholderWebSocketAdapter");
        } finally {
            factory.close();
        }
    }

    /**
     * Docs to code, by asking a real server: every documented API path, with a real channel, recording and
     * segment put in for its placeholders, is answered by the real servlets at the paths the binding registers
     * them — never with 404 or 405.
     */
    @Test
    void everyDocumentedApiPathIsAnsweredByTheRealServlets() throws Exception {
        BeholderHandlerFactory factory = new BeholderHandlerFactory(data, new OpenHabAccessGuard(
                new TokenAuthFilter(Map.of())), Map.of("allowAnonymousViewing", true));
        Server server = new Server();
        try {
            BeholderRuntime runtime = Objects.requireNonNull(factory.runtime());
            NvrChannel front = runtime.beholder().addCamera(CameraSettings.builder("front", "test:?width=320&height=240&fps=15&gop=15").build()).channel();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            whiteboard(factory).forEach((pattern, servlet) -> context.addServlet(new ServletHolder(servlet), pattern));
            server.setHandler(context);
            server.start();
            Api api = new Api("http://127.0.0.1:" + connector.getLocalPort());
            Waits.until(Duration.ofSeconds(20), () -> front.status().state() == ChannelState.ONLINE,
                    () -> front.status().toString());

            assertEquals(202, api.send("POST", "/beholder/api/channels/front/record").statusCode());
            Waits.until(Duration.ofSeconds(30), () -> !front.recordings(java.time.Instant.EPOCH,
                    java.time.Instant.now().plusSeconds(60)).isEmpty(), () -> "no recording");
            String recording = front.recordings(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60))
                    .get(0).id();
            String playlist = "/beholder/api/channels/front/recordings/" + recording + "/index.m3u8";
            Waits.until(Duration.ofSeconds(30), () -> api.lastSegment(playlist).isPresent(),
                    () -> "no segment in " + playlist);
            Waits.until(Duration.ofSeconds(30), () -> api.lastSegment("/beholder/api/channels/front/live.m3u8")
                    .isPresent(), () -> "no live HLS segment");

            List<String> failures = new ArrayList<>();
            for (String row : names(REFERENCE.resolve("rest.md"), "Method and path")) {
                String method = row.substring(0, row.indexOf(' '));
                String path = row.substring(row.indexOf(' ') + 1).replaceFirst("\\?.*", "")
                        .replace("{id}", "front").replace("{rid}", recording);
                if (path.contains("<")) {
                    String list = path.contains("/recordings/") ? playlist : "/beholder/api/channels/front/live.m3u8";
                    path = path.replaceFirst("<[^>]+>\\.ts$", api.lastSegment(list).orElseThrow());
                }
                // HEAD for GET: the same route and checks, and the event stream answers at once
                HttpResponse<String> answer = api.send(method.equals("GET") ? "HEAD" : method, path);
                // a refusal of the empty request (400, or 409 for PTZ on a camera without it) still proves the route;
                // 404 and 405 do not, and no route may fail on its own (5xx) except a temporary 503
                int status = answer.statusCode();
                boolean works = status != 404 && status != 405 && (status < 500 || status == 503);
                if (!works) {
                    failures.add(row + " -> " + method + " " + path + ": " + answer.statusCode() + " " + answer.body());
                }
            }
            assertEquals(List.of(), failures, "documented in docs/reference/rest.md but not answered");
        } finally {
            server.stop();
            factory.close();
        }
    }

    /** What WebMounts registers with the HTTP whiteboard: pattern to servlet, recorded by a stand-in context. */
    private static Map<String, Servlet> whiteboard(BeholderHandlerFactory factory) {
        Map<String, Servlet> registered = new LinkedHashMap<>();
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                DocsMatchCodeTest.class.getClassLoader(), new Class<?>[] { ServiceRegistration.class },
                (proxy, method, args) -> null);
        BundleContext context = (BundleContext) Proxy.newProxyInstance(DocsMatchCodeTest.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[1] instanceof Servlet servlet) {
                        Dictionary<?, ?> properties = (Dictionary<?, ?>) args[2];
                        registered.put((String) properties.get("osgi.http.whiteboard.servlet.pattern"), servlet);
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        new WebMounts(context, Objects.requireNonNull(factory.runtime()).web());
        assertFalse(registered.isEmpty(), "WebMounts registered nothing");
        return registered;
    }

    private record Api(String base) {
        private static final HttpClient HTTP = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
                    HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The last segment a playlist lists, if it lists one yet. */
        Optional<String> lastSegment(String playlist) {
            try {
                HttpResponse<String> answer = send("GET", playlist);
                return answer.statusCode() != 200 ? Optional.empty()
                        : answer.body().lines().filter(line -> line.endsWith(".ts")).reduce((a, b) -> b);
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** "GET /beholder/api/channels/{id}/events?from=" -> [channels, {id}, events]. */
    private static List<String> apiSegments(String row) {
        String path = row.substring(row.indexOf(' ') + 1).replaceFirst("\\?.*", "");
        String prefix = "/beholder/api/";
        assertTrue(path.startsWith(prefix), "an API path must start with " + prefix + ": " + row);
        return List.of(path.substring(prefix.length()).split("/"));
    }

    /** The string literals of a method's body that are path segments (not error texts or HTTP methods). */
    private static Set<String> routeLiterals(String source, String signature) {
        int start = source.indexOf(signature);
        assertTrue(start >= 0, "cannot find " + signature);
        int open = source.indexOf('{', start);
        int depth = 0;
        int end = open;
        do {
            char c = source.charAt(end++);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        } while (depth > 0);
        String body = source.substring(open, end)
                .replaceAll("(notFound|badRequest|requireMethod|new ApiError)\\([^;]*;", "");
        Set<String> segments = new TreeSet<>(literals(body));
        segments.removeAll(Set.of("", "GET", "HEAD", "POST"));
        return segments;
    }

    private static List<String> literals(String code) {
        List<String> values = new ArrayList<>();
        Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(code);
        while (literal.find()) {
            values.add(literal.group(1));
        }
        return values;
    }

    // ---- links ----

    @Test
    void everyRelativeMarkdownLinkResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("ui-widgets/README.md"),
                ROOT.resolve("features/README.md"), ROOT.resolve("itests/README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"));
                Stream<Path> bundles = Files.list(ROOT.resolve("bundles"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
            bundles.map(b -> b.resolve("README.md")).filter(Files::exists).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        for (Path page : pages) {
            String text = Files.readString(page).replaceAll("(?s)```.*?```", "");
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                String file = target.replaceFirst("#.*", "");
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target);
                } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(pages.size() > 15, "found only " + pages);
        assertEquals(List.of(), broken, "relative Markdown links that do not resolve");
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        return Files.readString(page).replaceAll("(?s)```.*?```", "").lines().filter(l -> l.matches("#+ .*"))
                .map(l -> l.replaceFirst("#+ ", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\- _]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    /** Fails naming only the differences: what the code has and the page lacks, and the other way round. */
    private static void assertSameNames(Set<String> code, Set<String> documented, String page, String source) {
        Set<String> undocumented = new TreeSet<>(code);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(code);
        if (!undocumented.isEmpty() || !unknown.isEmpty()) {
            fail(page + " does not match " + source + ": missing from the page " + undocumented
                    + "; on the page but not in the code " + unknown);
        }
        assertFalse(code.isEmpty(), "nothing found in " + source);
    }

    // ---- Markdown tables ----

    /** The backticked names in the first column of every table whose first header cell is {@code header}. */
    static Set<String> names(Path page, String header) throws IOException {
        return new LinkedHashSet<>(rows(page, header).keySet());
    }

    /** Name (first column, backticks removed) to all cells of the row, of tables with that first header cell. */
    static Map<String, List<String>> rows(Path page, String header) throws IOException {
        List<String> lines = Files.readAllLines(page);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean tableFound = false;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).startsWith("|") || !lines.get(i + 1).startsWith("|---")
                    || !cells(lines.get(i)).get(0).equals(header)) {
                continue;
            }
            tableFound = true;
            for (int r = i + 2; r < lines.size() && lines.get(r).startsWith("|"); r++) {
                List<String> cells = cells(lines.get(r));
                Matcher name = Pattern.compile("^`([^`]+)`").matcher(cells.get(0));
                if (!name.find()) {
                    fail(ROOT.relativize(page) + " line " + (r + 1) + ": the first cell must start with a `name`: "
                            + lines.get(r));
                }
                if (rows.put(name.group(1), cells) != null) {
                    fail(ROOT.relativize(page) + " line " + (r + 1) + ": " + name.group(1) + " is listed twice");
                }
            }
        }
        assertTrue(tableFound, ROOT.relativize(page) + " has no table headed '" + header + "'");
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.trim().replaceAll("^\\|", "").replaceAll("\\|$", "");
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    // ---- XML ----

    private static Document xml(String resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        try (InputStream in = Objects.requireNonNull(DocsMatchCodeTest.class.getResourceAsStream(resource),
                resource)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** Descendants by local name (the OH-INF files mix prefixed and unprefixed elements). */
    private static List<Element> elements(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList all = parent.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Node node = all.item(i);
            String name = node.getNodeName();
            if (name.substring(name.indexOf(':') + 1).equals(localName)) {
                found.add((Element) node);
            }
        }
        return found;
    }
}
