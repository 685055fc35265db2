package org.beholder.onvif;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Main and sub stream among a device's profiles: main = most pixels (then frame rate, then bitrate), sub = fewest
 * pixels. With a single video profile both are that profile.
 */
public record StreamChoice(MediaProfile main, MediaProfile sub) {
    private static final Comparator<MediaProfile> SIZE = Comparator
            .comparingLong((MediaProfile p) -> p.video().pixels())
            .thenComparingDouble(p -> p.video().frameRate())
            .thenComparingInt(p -> p.video().bitrateKbps());

    /** Empty when no profile has video. */
    public static Optional<StreamChoice> choose(List<MediaProfile> profiles) {
        List<MediaProfile> video = profiles.stream().filter(p -> p.video() != null && p.video().pixels() > 0).toList();
        if (video.isEmpty()) {
            video = profiles.stream().filter(p -> p.video() != null).toList();
        }
        if (video.isEmpty()) {
            return Optional.empty();
        }
        MediaProfile main = video.stream().max(SIZE).orElseThrow();
        MediaProfile sub = video.stream().min(SIZE).orElseThrow();
        return Optional.of(new StreamChoice(main, sub));
    }

    public boolean hasSeparateSub() {
        return !main.token().equals(sub.token()) || main.media2() != sub.media2();
    }
}
