package org.beholder.web.internal.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.web.AccessGuard;
import org.beholder.web.AdministrationException;
import org.beholder.web.CameraAdministration;
import org.beholder.web.UserAdministration;

import com.google.gson.JsonObject;

/**
 * The endpoints that change what the host runs and who may use it, for hosts that provide administration (the
 * standalone; see docs/reference/rest.md, "Administration"):
 * <ul>
 * <li>{@code GET/POST setup}: whether the first administrator must be created, and creating it (no login needed
 * while no user exists);</li>
 * <li>{@code GET/POST users}, {@code DELETE users/{name}};</li>
 * <li>{@code POST channels}, {@code PUT/DELETE channels/{id}}, {@code POST channels/test},
 * {@code GET channel-settings}.</li>
 * </ul>
 * Everything but {@code setup} is for administrators only (403 for viewers); on a host without administration the
 * endpoints answer 404. Origin was checked before, as for every state-changing request.
 */
final class AdministrationResources {
    private final Administrations administrations;
    private final AccessGuard guard;

    AdministrationResources(Administrations administrations, AccessGuard guard) {
        this.administrations = administrations;
        this.guard = guard;
    }

    /** Whether {@code path} with this method is one of the set-up endpoints, answered before any login. */
    static boolean isSetup(List<String> path) {
        return path.equals(List.of("setup"));
    }

    /** Whether this request is one of the administration endpoints (routed here, not to the viewers' API). */
    static boolean isAdministration(String method, List<String> path) {
        if (path.isEmpty()) {
            return false;
        }
        return switch (path.get(0)) {
            case "users", "channel-settings" -> true;
            case "channels" -> (path.size() == 1 && method.equals("POST"))
                    || (path.size() == 2 && (method.equals("PUT") || method.equals("DELETE")
                            || (method.equals("POST") && path.get(1).equals("test"))));
            default -> false;
        };
    }

    /** {@code GET} and {@code POST /setup}. */
    void setup(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserAdministration users = administrations.users();
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            // login: this host has its own users, a login page and a logout (the standalone; not openHAB)
            Map<String, Object> setup = new java.util.LinkedHashMap<>();
            setup.put("needed", users != null && users.setupNeeded());
            setup.put("login", users != null);
            ApiServlet.sendJson(response, 200, setup);
            return;
        }
        if (!method.equals("POST")) {
            throw new ApiError(405, "method not allowed here");
        }
        if (users == null) {
            throw ApiError.notFound("resource");
        }
        if (!users.setupNeeded()) {
            throw new ApiError(409, "set-up is done: an administrator exists; log in instead");
        }
        JsonObject body = RequestBody.object(request);
        String name = required(body, "name");
        String password = required(body, "password");
        run(() -> users.createFirstAdmin(name, password, request, response));
        ApiServlet.sendJson(response, 201, Map.of("name", name, "role", UserAdministration.ADMIN));
    }

    void route(String user, HttpServletRequest request, HttpServletResponse response, List<String> path)
            throws IOException {
        if (!guard.isAdmin(user)) {
            throw new ApiError(403, "only administrators may change settings, cameras and users");
        }
        String method = request.getMethod();
        switch (path.get(0)) {
            case "users" -> users(method, path, request, response);
            case "channel-settings" -> {
                requireLength(path, 1);
                requireGet(method);
                ApiServlet.sendJson(response, 200, cameras().cameras());
            }
            default -> channels(method, path, request, response);
        }
    }

    private void users(String method, List<String> path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UserAdministration users = administrations.users();
        if (users == null) {
            throw ApiError.notFound("resource");
        }
        if (path.size() == 1 && (method.equals("GET") || method.equals("HEAD"))) {
            ApiServlet.sendJson(response, 200, users.users());
        } else if (path.size() == 1 && method.equals("POST")) {
            JsonObject body = RequestBody.object(request);
            String name = required(body, "name");
            String password = required(body, "password");
            String role = RequestBody.string(body, "role");
            String chosenRole = role == null ? UserAdministration.VIEWER : role;
            run(() -> users.createUser(name, password, chosenRole));
            ApiServlet.sendJson(response, 201, Map.of("name", name, "role", chosenRole));
        } else if (path.size() == 2 && method.equals("DELETE")) {
            run(() -> users.deleteUser(path.get(1)));
            ApiServlet.sendJson(response, 200, Map.of("deleted", path.get(1)));
        } else if (path.size() <= 2) {
            throw new ApiError(405, "method not allowed here");
        } else {
            throw ApiError.notFound("resource");
        }
    }

    private void channels(String method, List<String> path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CameraAdministration cameras = cameras();
        if (path.size() == 1) {
            String json = RequestBody.object(request).toString();
            String[] id = new String[1];
            run(() -> id[0] = cameras.create(json));
            ApiServlet.sendJson(response, 201, Map.of("id", id[0]));
        } else if (method.equals("POST")) { // channels/test
            String json = RequestBody.object(request).toString();
            Object[] found = new Object[1];
            run(() -> found[0] = cameras.test(json));
            ApiServlet.sendJson(response, 200, found[0]);
        } else if (method.equals("PUT")) {
            String json = RequestBody.object(request).toString();
            run(() -> cameras.replace(path.get(1), json));
            ApiServlet.sendJson(response, 200, Map.of("id", path.get(1)));
        } else {
            run(() -> cameras.delete(path.get(1)));
            ApiServlet.sendJson(response, 200, Map.of("deleted", path.get(1)));
        }
    }

    private CameraAdministration cameras() {
        CameraAdministration cameras = administrations.cameras();
        if (cameras == null) {
            throw ApiError.notFound("resource");
        }
        return cameras;
    }

    private static String required(JsonObject body, String key) {
        String value = RequestBody.string(body, key);
        if (value == null || value.isEmpty()) {
            throw ApiError.badRequest(key + ": is required");
        }
        return value;
    }

    private static void requireGet(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ApiError(405, "method not allowed here");
        }
    }

    private static void requireLength(List<String> path, int length) {
        if (path.size() != length) {
            throw ApiError.notFound("resource");
        }
    }

    /** One call into the host; its refusal becomes the answer. */
    private interface HostCall {
        void run() throws AdministrationException;
    }

    private static void run(HostCall call) {
        try {
            call.run();
        } catch (AdministrationException e) {
            throw new ApiError(e.status(), e.getMessage());
        }
    }
}
