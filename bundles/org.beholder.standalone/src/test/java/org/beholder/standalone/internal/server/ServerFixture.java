package org.beholder.standalone.internal.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.beholder.engine.EngineConfig;
import org.beholder.core.Beholder;
import org.beholder.standalone.internal.auth.LoginThrottle;
import org.beholder.standalone.internal.auth.PasswordChecker;
import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.auth.StandaloneGuard;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.beholder.web.BeholderWeb;

/**
 * The standalone's real web server around an engine without channels: users alice/wonderland and bob/builder,
 * token {@link #TOKEN}, and a login throttle on a clock the test moves.
 */
final class ServerFixture implements AutoCloseable {
    static final String TOKEN = "a-token-for-scripts";

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    final Beholder beholder;
    final WebServer server;

    ServerFixture(Path data, ServerLimits limits) throws Exception {
        beholder = new Beholder(new EngineConfig(data.resolve("recordings"), 0, 0, Duration.ofMinutes(1)));
        StandaloneGuard guard = new StandaloneGuard(
                List.of(new StandaloneConfig.User("alice", PasswordHash.hash("wonderland".toCharArray())),
                        new StandaloneConfig.User("bob", PasswordHash.hash("builder".toCharArray()))),
                List.of(new StandaloneConfig.Token("scripts", sha256(TOKEN))),
                new LoginThrottle(LoginThrottle.Policy.DEFAULT, now::get),
                new PasswordChecker(2, Duration.ofSeconds(5), PasswordHash::verify, now::get));
        server = new WebServer("127.0.0.1", 0, limits);
        server.start(new BeholderWeb(beholder, guard), guard);
    }

    int port() {
        return server.port();
    }

    void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    @Override
    public void close() throws Exception {
        server.stop();
        beholder.close();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
