package org.beholder.web;

import java.util.Collection;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;

import org.beholder.core.Beholder;
import org.beholder.web.internal.api.Administrations;
import org.beholder.web.internal.api.ApiServlet;
import org.beholder.web.internal.http.OriginPolicy;
import org.beholder.web.internal.live.LiveStreamServlet;
import org.beholder.web.internal.live.LiveStreamSocket;
import org.beholder.web.internal.page.PageServlet;
import org.eclipse.jetty.websocket.api.WebSocketListener;

/**
 * Everything a host mounts to show Beholder on the web: it serves what {@link Beholder} runs (cameras, recordings,
 * the event journal) and decides nothing of it. A host creates one and mounts {@link #pageServlet()} at
 * {@code /beholder/*}, {@link #apiServlet()} at
 * {@code /beholder/api/*} and the live stream ({@link #liveStreamServlet()}) at {@code /beholder/live}, where the
 * page looks for it. {@code /ws/beholder} is the same stream for scripts: the live servlet again on a plain Jetty,
 * {@link #createLiveSocket} from openHAB's WebSocketAdapter (openHAB authenticates that path with its tokens).
 * <p>
 * Every servlet refuses state-changing requests and live sockets from a foreign web origin; the host may name
 * further origins with {@link #allowOrigins} (e.g. the public address of a reverse proxy that rewrites Host).
 */
public final class BeholderWeb {
    private final Beholder beholder;
    private final AccessGuard guard;
    private final OriginPolicy origins = new OriginPolicy();
    private final Administrations administrations = new Administrations();

    public BeholderWeb(Beholder beholder, AccessGuard guard) {
        this.beholder = beholder;
        this.guard = guard;
    }

    /**
     * Origins besides the server's own that may POST and open live sockets, as {@code scheme://host[:port]}
     * (e.g. {@code https://nvr.example.com}); replaces the previous list, applies to servlets already mounted.
     *
     * @throws IllegalArgumentException naming an entry that is not an origin
     */
    public void allowOrigins(Collection<String> allowedOrigins) {
        origins.allow(allowedOrigins);
    }

    /**
     * Why a WebSocket upgrade or state-changing request must be refused because of its Origin header (the host
     * answers 403), or empty when it may go on: for hosts that accept such requests outside Beholder's servlets,
     * like openHAB's {@code /ws/beholder} adapter before it calls {@link #createLiveSocket}.
     */
    public Optional<String> crossSiteRefusal(HttpServletRequest request) {
        return origins.refusal(request);
    }

    /**
     * Lets the page manage the host's cameras and users (the standalone does; openHAB manages its Things and users
     * itself and calls nothing). Either may be null; applies to servlets already mounted.
     */
    public void administer(CameraAdministration cameras, UserAdministration users) {
        administrations.set(cameras, users);
    }

    public HttpServlet apiServlet() {
        return new ApiServlet(beholder, guard, origins, administrations);
    }

    /** The page, its embed view and its scripts: mount at {@code /beholder/*}. */
    public HttpServlet pageServlet() {
        return new PageServlet(guard, origins, administrations::setupNeeded, () -> administrations.users() != null);
    }

    public HttpServlet liveStreamServlet() {
        return new LiveStreamServlet(beholder.engine(), guard, origins);
    }

    /**
     * A live socket for an already authenticated viewer whose Origin was checked ({@link #crossSiteRefusal}), or
     * empty when the channel does not exist.
     */
    public Optional<WebSocketListener> createLiveSocket(String channelId, String viewer) {
        return beholder.engine().channel(channelId).map(channel -> new LiveStreamSocket(channel, viewer));
    }
}
