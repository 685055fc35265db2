package org.beholder.standalone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.config.ConfigLoader;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/reference/rest.md's administration and login tables against the code, both ways, as the binding's
 * DocsMatchCodeTest does for the API openHAB serves too: every path segment the administration router knows is
 * documented, every documented one is in the router, and every documented path is answered by the real standalone
 * server (never 404 or 405).
 */
class AdministrationDocsTest {
    private static final Path ROOT = root();
    private static final Path REST = ROOT.resolve("docs/reference/rest.md");
    private static final Path ROUTER = ROOT.resolve("bundles/org.beholder.web/src/main/java/org/beholder/web/"
            + "internal/api/AdministrationResources.java");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE");

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("docs/reference"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** First cell (without backticks) of each row of the tables whose first header cell is {@code header}. */
    private static List<String> rows(String header) throws Exception {
        List<String> lines = Files.readAllLines(REST);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("| " + header + " |") && lines.get(i + 1).startsWith("|---")) {
                for (int r = i + 2; r < lines.size() && lines.get(r).startsWith("|"); r++) {
                    Matcher first = Pattern.compile("^\\| `([^`]+)`").matcher(lines.get(r));
                    assertTrue(first.find(), lines.get(r));
                    rows.add(first.group(1));
                }
            }
        }
        assertFalse(rows.isEmpty(), "no table '" + header + "' in rest.md");
        return rows;
    }

    /** The string literals of a method of the router. */
    private static Set<String> literals(String source, String signature) {
        int start = source.indexOf(signature);
        assertTrue(start >= 0, signature);
        int open = source.indexOf('{', start);
        int depth = 0;
        int end = open;
        do {
            char c = source.charAt(end++);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        } while (depth > 0);
        Set<String> found = new TreeSet<>();
        Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(source.substring(open, end));
        while (literal.find()) {
            found.add(literal.group(1));
        }
        return found;
    }

    @Test
    void theAdministrationTableNamesExactlyTheSegmentsOfTheRouter() throws Exception {
        String source = Files.readString(ROUTER);
        Set<String> code = new TreeSet<>(literals(source, "static boolean isSetup("));
        code.addAll(literals(source, "static boolean isAdministration("));
        code.removeAll(METHODS);
        Set<String> documented = new TreeSet<>();
        for (String row : rows("Administration method and path")) {
            String path = row.substring(row.indexOf(' ') + 1);
            assertTrue(path.startsWith("/beholder/api/"), row);
            for (String segment : path.substring("/beholder/api/".length()).split("/")) {
                if (!segment.startsWith("{")) {
                    documented.add(segment);
                }
            }
        }
        assertEquals(code, documented, "segments of AdministrationResources vs docs/reference/rest.md");
    }

    @Test
    void everyDocumentedAdministrationAndLoginPathIsAnswered(@TempDir Path data) throws Exception {
        StandaloneConfig config = ConfigLoader.parse("defaults", new java.io.StringReader(""), data)
                .withOverrides("127.0.0.1", 0, data).withUsersAndCameras(List.of(new StandaloneConfig.User("alice",
                        PasswordHash.hash("wonderland".toCharArray()))), List.of());
        Main.Running running = Main.start(config);
        try {
            AdminHttp admin = new AdminHttp(running.server.port());
            assertEquals(200, admin.login("alice", "wonderland").statusCode());
            assertEquals(201, admin.post("/beholder/api/users",
                    "{\"name\":\"vic\",\"password\":\"viewer-pass\"}").statusCode());
            assertEquals(201, admin.post("/beholder/api/channels",
                    "{\"id\":\"door\",\"url\":\"test:?width=320&height=240\",\"enabled\":false}").statusCode());
            Map<String, Integer> failures = new LinkedHashMap<>();
            for (String row : rows("Administration method and path")) {
                String method = row.substring(0, row.indexOf(' '));
                String path = row.substring(row.indexOf(' ') + 1).replace("{id}", "door").replace("{name}", "vic");
                String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
                HttpResponse<String> answer = admin.send(method, path, body);
                if (answer.statusCode() == 404 || answer.statusCode() == 405) {
                    failures.put(row, answer.statusCode());
                }
            }
            for (String path : rows("Login path")) {
                int status = new AdminHttp(running.server.port()).post(path, "{}").statusCode();
                if (status == 404 || status == 405) {
                    failures.put(path, status);
                }
            }
            assertEquals(Map.of(), failures, "documented in docs/reference/rest.md but not answered");
        } finally {
            running.stop();
        }
    }
}
