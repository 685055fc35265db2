package org.beholder.onvif;

import java.util.Optional;

/**
 * A media profile (Media 1 or Media 2): what to ask a stream URI for.
 *
 * @param video null when the profile has no video encoder (audio or metadata only)
 * @param ptzConfigurationToken null without PTZ
 * @param media2 true when read through Media 2, whose GetStreamUri must then be used (it is how H.265 is offered)
 */
public record MediaProfile(String token, String name, String videoSourceToken, VideoEncoding video,
        String ptzConfigurationToken, boolean media2) {

    public Optional<VideoEncoding> videoEncoding() {
        return Optional.ofNullable(video);
    }
}
