package org.beholder.web.internal.page;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The Beholder page under {@code /beholder/}: {@code index.html}, {@code login.html} (hosts with their own users),
 * {@code embed} (the player alone, for dashboards),
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

    /** What the login page needs before anybody is logged in. */
    private static final Set<String> LOGIN_PAGE = Set.of("login.html", "js/login.js", "app.css");

    private final transient AccessGuard guard;
    private final transient RequestGuard requests;
    private final transient BooleanSupplier setupNeeded;
    private final transient BooleanSupplier hasLoginPage;

    /**
     * @param setupNeeded true while the host has no user: the page's files are then served to anyone, so that the
     *            first administrator can be created
     * @param hasLoginPage true when the host's users may log in on {@code login.html} (the standalone): it is
     *            served to anyone, and a visitor who is not logged in is sent there instead of getting a 401 while
     *            set-up is needed or when the host sends no Basic challenge
     */
    public PageServlet(AccessGuard guard, OriginPolicy origins, BooleanSupplier setupNeeded,
            BooleanSupplier hasLoginPage) {
        this.guard = guard;
        this.setupNeeded = setupNeeded;
        this.hasLoginPage = hasLoginPage;
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
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String name = switch (path) {
            case "", "/", "/index.html" -> "index.html";
            case "/embed" -> "embed.html";
            case "/events" -> "events.html";
            default -> path.substring(1);
        };
        Optional<String> user = guard.authenticate(request, response);
        if (user.isEmpty() && !(hasLoginPage.getAsBoolean() && LOGIN_PAGE.contains(name))) {
            // The browser's own Basic dialog is the login while the host challenges; else (and while the first
            // administrator is wanted, when nobody could log in anyway) Beholder's login page.
            boolean toLoginPage = hasLoginPage.getAsBoolean()
                    && (setupNeeded.getAsBoolean() || guard.challenge() == null);
            if (toLoginPage && name.endsWith(".html")) {
                response.sendRedirect(request.getContextPath() + request.getServletPath() + "/login.html?next="
                        + URLEncoder.encode(request.getRequestURI()
                                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                                StandardCharsets.UTF_8));
                return;
            }
            if (!setupNeeded.getAsBoolean()) {
                Answers.authenticationRequired(response, guard);
                return;
            }
        }
        if (request.getParameter(TOKEN_PARAMETER) != null) {
            // A host token in the address (openHAB's accessToken) signed this browser in; the guard has set the
            // session cookie. Take the token out of the address bar and history.
            response.sendRedirect(withoutToken(request));
            return;
        }
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
