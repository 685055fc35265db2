package org.beholder.web.internal.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.core.Beholder;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.NvrEngine;
import org.beholder.web.AccessGuard;
import org.beholder.web.internal.http.Answers;
import org.beholder.web.internal.http.OriginPolicy;
import org.beholder.web.internal.http.Refusal;
import org.beholder.web.internal.http.RequestGuard;
import org.beholder.web.internal.http.ServletBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /beholder/api/*}: checks method, Origin and parameters ({@link RequestGuard}), authenticates every
 * request through the host's guard, routes by path segment and answers errors as JSON with the right status. Path
 * segments are checked before use; file names are matched against strict patterns and resolved inside the
 * recording's own folder (see {@link RecordingResources}).
 */
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger logger = LoggerFactory.getLogger(ApiServlet.class);

    /** How long WS-Discovery waits for answers; cameras answer within a second or two. */
    static final Duration DISCOVERY_WAIT = Duration.ofSeconds(3);

    private final transient Beholder beholder;
    private final transient NvrEngine engine;
    private final transient AccessGuard guard;
    private final transient RequestGuard requests;
    private final transient ChannelResources channels;
    private final transient RecordingResources recordings;
    private final transient EventResources events;
    private final transient PtzResources ptz;
    private final transient ReviewResources review;
    private final transient LiveHlsResources liveHls = new LiveHlsResources();
    private final transient AdministrationResources administration;
    private transient ScheduledExecutorService sweeper;

    public ApiServlet(Beholder beholder, AccessGuard guard, OriginPolicy origins, Administrations administrations) {
        this.beholder = beholder;
        this.engine = beholder.engine();
        this.ptz = new PtzResources(beholder);
        this.review = new ReviewResources(beholder);
        this.guard = guard;
        this.requests = new RequestGuard(origins, "GET", "HEAD", "POST", "PUT", "DELETE");
        this.administration = new AdministrationResources(administrations, guard);
        this.channels = new ChannelResources(beholder);
        this.recordings = new RecordingResources(beholder.clock());
        this.events = new EventResources(beholder);
    }

    @Override
    public void init() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "beholder-live-hls");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(liveHls::sweep, 30, 30, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        ServletBoundary.run(request, response, logger, () -> answer(request, response));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Optional<Refusal> refusal = requests.check(request);
        if (refusal.isPresent()) {
            refusal.get().send(response);
            return;
        }
        try {
            List<String> path = segments(request.getPathInfo());
            if (AdministrationResources.isSetup(path)) {
                administration.setup(request, response); // answered before any login: there may be no user yet
                return;
            }
            Optional<String> user = guard.authenticate(request, response);
            if (user.isEmpty()) {
                Answers.authenticationRequired(response, guard);
                return;
            }
            if (AdministrationResources.isAdministration(request.getMethod(), path)) {
                administration.route(user.get(), request, response, path);
            } else {
                route(request, response, path);
            }
        } catch (ApiError e) {
            Answers.error(response, e.status, e.getMessage(), e.details);
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, List<String> path)
            throws IOException {
        String method = request.getMethod();
        if (path.equals(List.of("channels"))) {
            requireMethod(method, "GET");
            channels.list(engine, response);
            return;
        }
        if (path.equals(List.of("events"))) {
            requireMethod(method, "GET");
            events.stream(request, response);
            return;
        }
        if (path.equals(List.of("review"))) {
            requireMethod(method, "GET");
            review.handle(request, response);
            return;
        }
        if (path.equals(List.of("discovery"))) {
            requireMethod(method, "GET");
            discovery(method, response);
            return;
        }
        if (path.size() < 2 || !path.get(0).equals("channels")) {
            throw ApiError.notFound("resource");
        }
        NvrChannel channel = engine.channel(path.get(1)).orElseThrow(() -> ApiError.notFound("channel"));
        List<String> rest = path.subList(2, path.size());
        String first = rest.isEmpty() ? "" : rest.get(0);
        switch (first) {
            case "" -> {
                requireMethod(method, "GET");
                channels.one(channel, response);
            }
            case "snapshot.jpg" -> {
                requireLength(rest, 1);
                requireMethod(method, "GET");
                channels.snapshot(channel, response);
            }
            case "record" -> {
                requireMethod(method, "POST");
                if (rest.size() == 2 && rest.get(1).equals("stop")) {
                    channels.stopRecording(channel, response);
                } else {
                    requireLength(rest, 1);
                    channels.record(channel, request, response);
                }
            }
            case "live.m3u8" -> {
                requireLength(rest, 1);
                requireMethod(method, "GET");
                liveHls.playlist(channel, response);
            }
            case "events" -> {
                requireLength(rest, 1);
                requireMethod(method, "GET");
                events.list(channel, request, response);
            }
            case "recordings" -> {
                requireMethod(method, "GET");
                recordings.handle(channel, rest.subList(1, rest.size()), request, response);
            }
            case "ptz" -> {
                if (rest.size() == 2 && rest.get(1).equals("presets")) {
                    requireMethod(method, "GET");
                    ptz.presets(channel, response);
                } else {
                    requireLength(rest, 1);
                    requireMethod(method, "POST");
                    ptz.command(channel, request, response);
                }
            }
            default -> {
                if (rest.size() == 1 && LiveHlsResources.SEGMENT.matcher(first).matches()) {
                    requireMethod(method, "GET");
                    liveHls.segment(channel, first, response);
                } else {
                    throw ApiError.notFound("resource");
                }
            }
        }
    }

    /** ONVIF devices on the network; HEAD answers without probing (a probe takes seconds and uses the network). */
    private void discovery(String method, HttpServletResponse response) throws IOException {
        if (method.equals("HEAD")) {
            response.setStatus(200);
            response.setContentType("application/json;charset=utf-8");
            return;
        }
        try {
            sendJson(response, 200, beholder.discover(DISCOVERY_WAIT));
        } catch (IOException e) {
            throw new ApiError(503, "network discovery is not possible here: " + e.getMessage());
        }
    }

    /** Splits the decoded path; rejects empty, dot and encoded separator segments outright. */
    static List<String> segments(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/")) {
            return List.of();
        }
        String trimmed = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        List<String> segments = List.of(trimmed.split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")
                    || segment.indexOf('\0') >= 0 || segment.contains("%")) {
                throw ApiError.badRequest("invalid path");
            }
        }
        return segments;
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected) && !(expected.equals("GET") && method.equals("HEAD"))) {
            throw new ApiError(405, "method not allowed here");
        }
    }

    private static void requireLength(List<String> rest, int length) {
        if (rest.size() != length) {
            throw ApiError.notFound("resource");
        }
    }

    static void sendJson(HttpServletResponse response, int status, Object body) throws IOException {
        Answers.json(response, status, body);
    }
}
