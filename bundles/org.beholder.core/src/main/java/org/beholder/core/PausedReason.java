package org.beholder.core;

import java.util.regex.Pattern;

import org.beholder.engine.NvrChannel;
import org.beholder.engine.Redaction;

/** Why a channel does not record although it should, as every host shows it. */
public final class PausedReason {
    /** The engine may begin its reason with the words every host puts in front of it anyway. */
    private static final Pattern PREFIX = Pattern.compile("(?i)^\\s*recording paused\\s*[:-]?\\s*");

    private PausedReason() {
    }

    /**
     * Why the channel's recording is paused ("disk full (12 MiB free)"), or null when it is not; credentials
     * masked, since the reason may quote a path or a system message.
     */
    public static String of(NvrChannel channel) {
        return channel.recordingPaused().map(reason -> PREFIX.matcher(reason).replaceFirst(""))
                .map(reason -> Redaction.redact(reason, channel.config().password())).orElse(null);
    }
}
