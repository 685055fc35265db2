package org.beholder.standalone.internal.server;

import java.io.IOException;
import java.util.Set;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * The server's first look at every request, before any servlet or authentication:
 * <ul>
 * <li>405 for every method Beholder does not use. TRACE above all: a servlet's default {@code doTrace} echoes the
 * request's headers, Cookie and Authorization included, which is how cross-site tracing steals HttpOnly
 * cookies. PUT and DELETE reach the API only (cameras and users), every other path answers them 405;</li>
 * <li>400 for a query string that does not decode (e.g. {@code ?x=%ff}, not UTF-8), so that no servlet meets it
 * half-way through its work and answers 500.</li>
 * </ul>
 */
final class RequestGate extends HandlerWrapper {
    static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST");
    static final String ALLOW_HEADER = "GET, HEAD, POST";
    static final Set<String> ALLOWED_IN_API = Set.of("PUT", "DELETE");

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean api = ErrorBody.isApi(request) && ALLOWED_IN_API.contains(request.getMethod());
        if (!ALLOWED.contains(request.getMethod()) && !api) {
            baseRequest.setHandled(true);
            response.setHeader("Allow", ALLOW_HEADER);
            refuse(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (!queryDecodes(request.getQueryString())) {
            baseRequest.setHandled(true);
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        super.handle(target, baseRequest, request, response);
    }

    private static boolean queryDecodes(String query) {
        if (query == null || query.isEmpty()) {
            return true;
        }
        try {
            UrlEncoded.decodeUtf8To(query, new MultiMap<>());
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        ErrorBody.write(request, response, status, ErrorBody.reason(status));
    }
}
