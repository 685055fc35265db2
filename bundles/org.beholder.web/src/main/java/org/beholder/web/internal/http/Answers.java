package org.beholder.web.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.beholder.web.AccessGuard;
import org.beholder.web.internal.json.Json;

/**
 * How every Beholder servlet answers: JSON written by Beholder itself. The container's own error page
 * ({@code sendError}) is never used, because it names the server and its version and can show stack traces.
 */
public final class Answers {
    private Answers() {
    }

    public static void json(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] json = Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** {@code {"status": 404, "error": "channel not found"}}, replacing anything not yet sent. */
    public static void error(HttpServletResponse response, int status, String message) throws IOException {
        error(response, status, message, Map.of());
    }

    /** An error with further fields, e.g. why recording is paused. */
    public static void error(HttpServletResponse response, int status, String message, Map<String, Object> extra)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        body.putAll(extra);
        json(response, status, body);
    }

    /** 401 with the host's challenge, so that browsers ask for a login. */
    public static void authenticationRequired(HttpServletResponse response, AccessGuard guard) throws IOException {
        if (guard.challenge() != null) {
            response.setHeader("WWW-Authenticate", guard.challenge());
        }
        error(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
    }
}
