package org.beholder.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one channel needs. Sources: {@code rtsp://host[:port]/path} (credentials separately, never in the
 * URL), {@code file:///path.ts} (an MPEG-TS file played in a loop at real-time pace) and {@code test:} (a built-in camera; query
 * {@code width, height, fps, gop}). Build with {@link #builder(String, String)}; {@link Builder#build()} validates.
 */
public record ChannelConfig(String id, String label, String url, String username, String password,
        Transport transport, Duration preRoll, Duration postRoll, Duration segmentTarget, Duration stallTimeout,
        int analyticsWidth, boolean continuous, int retentionDays, long retentionBytes, long ringMaxBytes) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public ChannelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("channel id '" + id
                    + "' must be 1-64 letters, digits, '-' or '_', starting with a letter or digit");
        }
        url = url.trim().equals("test:") ? "test:default" : url.trim();
        parseUrl(url);
        requirePositive("preRoll", preRoll);
        requirePositive("postRoll", postRoll);
        requirePositive("segmentTarget", segmentTarget);
        requirePositive("stallTimeout", stallTimeout);
        if (analyticsWidth < 16 || analyticsWidth > 1920) {
            throw new IllegalArgumentException("analyticsWidth must be 16..1920, was " + analyticsWidth);
        }
        if (retentionDays < 0 || retentionBytes < 0 || ringMaxBytes < 1L << 20) {
            throw new IllegalArgumentException("retention must be >= 0 and the ring at least 1 MiB");
        }
        label = label == null || label.isBlank() ? id : label;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** Checks the URL; no message repeats it unredacted (it may carry a password). */
    private static URI parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) { // its message quotes the whole input: say where instead
            throw new IllegalArgumentException("url is not a valid URL: " + e.getReason() + " at character "
                    + (e.getIndex() + 1));
        }
        // before anything else looks at the host: a host the URI class cannot parse (e.g. "bad_host") leaves the
        // user-info inside a registry-based authority, where getUserInfo() does not see it
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
            throw new IllegalArgumentException(
                    "url must not contain credentials: give username and password separately");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        switch (scheme) {
            case "rtsp", "rtsps" -> {
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("url has no valid host: " + Redaction.redact(url));
                }
            }
            case "file", "test" -> {
            }
            default -> throw new IllegalArgumentException(
                    "url must start with rtsp://, rtsps://, file:// or test: (was '" + scheme + "')");
        }
        return uri;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    public String scheme() {
        return URI.create(url).getScheme().toLowerCase();
    }

    /** The URL with any secret query parameter masked: the only form of it that may be shown or logged. */
    public String displayUrl() {
        return Redaction.redact(url, password);
    }

    /** Any text about this channel (a GStreamer error may quote the URL) with its secrets masked. */
    public String redact(String text) {
        return Redaction.redact(text, password);
    }

    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ChannelConfig[id=" + id + ", url=" + displayUrl() + ", user=" + (username.isEmpty() ? "-" : username)
                + ", password=" + (password.isEmpty() ? "-" : "***") + ", transport=" + transport + ", preRoll="
                + preRoll + ", postRoll=" + postRoll + ", continuous=" + continuous + "]";
    }

    public static Builder builder(String id, String url) {
        return new Builder(id, url);
    }

    /** Defaults: TCP, 10 s pre-roll and post-roll, 4 s segments, 10 s stall timeout, 320 px analytics. */
    public static final class Builder {
        private final String id;
        private final String url;
        private String label;
        private String username = "";
        private String password = "";
        private Transport transport = Transport.TCP;
        private Duration preRoll = Duration.ofSeconds(10);
        private Duration postRoll = Duration.ofSeconds(10);
        private Duration segmentTarget = Duration.ofSeconds(4);
        private Duration stallTimeout = Duration.ofSeconds(10);
        private int analyticsWidth = 320;
        private boolean continuous;
        private int retentionDays = 14;
        private long retentionBytes;
        private long ringMaxBytes = 64L << 20;

        private Builder(String id, String url) {
            this.id = id;
            this.url = url;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        public Builder credentials(String user, String pass) {
            username = user;
            password = pass;
            return this;
        }

        public Builder transport(Transport value) {
            transport = value;
            return this;
        }

        public Builder preRoll(Duration value) {
            preRoll = value;
            return this;
        }

        public Builder postRoll(Duration value) {
            postRoll = value;
            return this;
        }

        public Builder segmentTarget(Duration value) {
            segmentTarget = value;
            return this;
        }

        public Builder stallTimeout(Duration value) {
            stallTimeout = value;
            return this;
        }

        public Builder analyticsWidth(int value) {
            analyticsWidth = value;
            return this;
        }

        public Builder continuous(boolean value) {
            continuous = value;
            return this;
        }

        public Builder retention(int days, long bytes) {
            retentionDays = days;
            retentionBytes = bytes;
            return this;
        }

        public Builder ringMaxBytes(long value) {
            ringMaxBytes = value;
            return this;
        }

        public ChannelConfig build() {
            return new ChannelConfig(id, label, url, username, password, transport, preRoll, postRoll,
                    segmentTarget, stallTimeout, analyticsWidth, continuous, retentionDays, retentionBytes,
                    ringMaxBytes);
        }
    }
}
