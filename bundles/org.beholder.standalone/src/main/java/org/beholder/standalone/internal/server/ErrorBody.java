package org.beholder.standalone.internal.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpStatus;

import com.google.gson.JsonObject;

/**
 * Beholder's error answers wherever the server itself answers: {@code {"status":..,"error":..}} under the API (as
 * Beholder's API answers its own errors) and a few lines of plain text elsewhere. The text is the standard reason
 * phrase or a message Beholder wrote, never an exception, a stack trace, a server version or anything the client
 * sent.
 */
final class ErrorBody {
    static final String API_PREFIX = "/beholder/api/";

    private ErrorBody() {
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && (uri.startsWith(API_PREFIX) || uri.equals("/beholder/api"));
    }

    static String reason(int status) {
        return HttpStatus.getMessage(status);
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body;
        if (isApi(request)) {
            JsonObject json = new JsonObject();
            json.addProperty("status", status);
            json.addProperty("error", message);
            response.setContentType("application/json;charset=utf-8");
            body = json.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/plain;charset=utf-8");
            body = plain(status, message).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** The page outside the API: status, reason and Beholder's message; no markup, so nothing to inject. */
    static String plain(int status, String message) {
        String reason = reason(status);
        return "Beholder: " + status + " " + reason + (message.equalsIgnoreCase(reason) ? "" : "\n" + message) + "\n";
    }
}
