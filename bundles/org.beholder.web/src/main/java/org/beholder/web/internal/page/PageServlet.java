package org.beholder.web.internal.page;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.web.AccessGuard;
import org.beholder.web.internal.http.Answers;
import org.beholder.web.internal.http.OriginPolicy;
import org.beholder.web.internal.http.Refusal;
import org.beholder.web.internal.http.RequestGuard;
import org.beholder.web.internal.http.ServletBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Beholder page under {@code /beholder/}: {@code index.html}, {@code embed} (the player alone, for dashboards),
 * {@code events} (one channel's event list, for dashboards)
 * and the page's own scripts, styles and the npm libraries under {@code vendor/}, all from this bundle's
 * resources. Only names of the page's own form are looked up, so no request can reach another resource. Only
 * GET and HEAD are served; errors are short JSON answers like the API's.
 */
public final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger logger = LoggerFactory.getLogger(PageServlet.class);
    private static final String ROOT = "org/beholder/web/page/";
    private static final Pattern ASSET = Pattern.compile("(js/|vendor/)?[a-z0-9][a-z0-9.-]*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=utf-8", "js",
            "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "svg", "image/svg+xml");

    private static final String TOKEN_PARAMETER = "accessToken";

    private final transient AccessGuard guard;
    private final transient RequestGuard requests;

    private final transient BooleanSupplier setupNeeded;

    /** @param setupNeeded true while the host has no user: the page is then served to anyone, to create one */
    public PageServlet(AccessGuard guard, OriginPolicy origins, BooleanSupplier setupNeeded) {
        this.guard = guard;
        this.setupNeeded = setupNeeded;
        this.requests = new RequestGuard(origins, "GET", "HEAD");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        ServletBoundary.run(request, response, logger, () -> answer(request, response));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        Optional<Refusal> refusal = requests.check(request);
        if (refusal.isPresent()) {
            refusal.get().send(response);
            return;
        }
        Optional<String> user = guard.authenticate(request, response);
        if (user.isEmpty() && !setupNeeded.getAsBoolean()) {
            Answers.authenticationRequired(response, guard);
            return;
        }
        if (request.getParameter(TOKEN_PARAMETER) != null) {
            // A host token in the address (openHAB's accessToken) signed this browser in; the guard has set the
            // session cookie. Take the token out of the address bar and history.
            response.sendRedirect(withoutToken(request));
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String name = switch (path) {
            case "", "/", "/index.html" -> "index.html";
            case "/embed" -> "embed.html";
            case "/events" -> "events.html";
            default -> path.substring(1);
        };
        if (!name.endsWith(".html") && !ASSET.matcher(name).matches()) {
            Answers.error(response, HttpServletResponse.SC_NOT_FOUND, "not found");
            return;
        }
        if (path.isEmpty()) { // /beholder -> /beholder/ so that relative asset URLs resolve
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        try (InputStream resource = PageServlet.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (resource == null) {
                Answers.error(response, HttpServletResponse.SC_NOT_FOUND, "not found");
                return;
            }
            response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("Referrer-Policy", "same-origin");
            if (name.endsWith(".html")) {
                // Scripts only from here; WebSocket and fetch only to here; frames allowed (embed in dashboards).
                response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                        + "media-src 'self' blob: data:; connect-src 'self' ws: wss:; worker-src 'self' blob:; "
                        + "style-src 'self' 'unsafe-inline'");
            }
            if (!request.getMethod().equals("HEAD")) {
                resource.transferTo(response.getOutputStream());
            }
        }
    }

    private static String withoutToken(HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        for (String pair : request.getQueryString().split("&")) {
            if (!pair.startsWith(TOKEN_PARAMETER + "=") && !pair.equals(TOKEN_PARAMETER) && !pair.isEmpty()) {
                query.append(query.length() == 0 ? "?" : "&").append(pair);
            }
        }
        return request.getRequestURI() + query;
    }
}
