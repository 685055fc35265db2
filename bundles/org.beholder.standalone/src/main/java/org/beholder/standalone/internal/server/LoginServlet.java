package org.beholder.standalone.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.standalone.internal.auth.StandaloneGuard;
import org.beholder.web.BeholderWeb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * {@code POST /beholder/login} with {@code name} and {@code password} (form fields or a JSON object) and
 * {@code POST /beholder/logout}. A login is checked like a Basic login, by the same {@link StandaloneGuard} and its
 * throttle (per user and address, a growing lock-out): 200 with the session cookie, 401 for a wrong name or
 * password, 429 with Retry-After while locked out. Both refuse a foreign Origin like every state-changing request.
 */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger logger = LoggerFactory.getLogger(LoginServlet.class);
    static final int MAX_BODY_BYTES = 8 * 1024;

    private final transient StandaloneGuard guard;
    private final transient BeholderWeb web;
    private final boolean logout;

    LoginServlet(StandaloneGuard guard, BeholderWeb web, boolean logout) {
        this.guard = guard;
        this.web = web;
        this.logout = logout;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Server", "Beholder");
        try {
            answer(request, response);
        } catch (RuntimeException e) {
            logger.warn("{} failed: {}", request.getRequestURI(), e.getClass().getSimpleName());
            ErrorBody.write(request, response, 500, "internal error");
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("POST")) {
            response.setHeader("Allow", "POST");
            json(response, 405, "use POST");
            return;
        }
        Optional<String> foreign = web.crossSiteRefusal(request);
        if (foreign.isPresent()) {
            json(response, 403, foreign.get());
            return;
        }
        if (logout) {
            guard.logout(request, response);
            json(response, 200, null);
            return;
        }
        String[] credentials = credentials(request);
        if (credentials == null) {
            json(response, 400, "send name and password (form fields or a JSON object)");
            return;
        }
        switch (guard.login(credentials[0], credentials[1], request, response)) {
            case StandaloneGuard.Allowed allowed -> {
                JsonObject body = new JsonObject();
                body.addProperty("name", allowed.user());
                body.addProperty("role", guard.isAdmin(allowed.user()) ? "admin" : "viewer");
                send(response, 200, body);
            }
            case StandaloneGuard.Refused refused -> json(response, 401, "wrong name or password");
            case StandaloneGuard.Throttled throttled -> {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                json(response, throttled.status(), throttled.message());
            }
        }
    }

    /** [name, password] from a JSON object or form fields, or null when either is missing. */
    private static String[] credentials(HttpServletRequest request) throws IOException {
        String type = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
        String name;
        String password;
        if (type.startsWith("application/json")) {
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                return null;
            }
            byte[] bytes;
            try (InputStream in = request.getInputStream()) {
                bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (bytes.length > MAX_BODY_BYTES) {
                return null;
            }
            try {
                JsonElement parsed = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
                if (!parsed.isJsonObject()) {
                    return null;
                }
                name = text(parsed.getAsJsonObject(), "name");
                password = text(parsed.getAsJsonObject(), "password");
            } catch (JsonParseException e) {
                return null;
            }
        } else {
            try {
                name = request.getParameter("name");
                password = request.getParameter("password");
            } catch (RuntimeException e) { // undecodable or too large form
                return null;
            }
        }
        if (name == null || name.isEmpty() || password == null || password.isEmpty()) {
            return null;
        }
        return new String[] { name, password };
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? value.getAsString() : null;
    }

    /** {@code {"ok": true}} for null, else {@code {"status", "error"}} as every API error. */
    private static void json(HttpServletResponse response, int status, String error) throws IOException {
        if (error == null) {
            JsonObject body = new JsonObject();
            body.addProperty("ok", true);
            send(response, status, body);
        } else {
            JsonObject body = new JsonObject();
            body.addProperty("status", status);
            body.addProperty("error", error);
            send(response, status, body);
        }
    }

    private static void send(HttpServletResponse response, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
