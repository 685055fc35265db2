package org.beholder.onvif.internal.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beholder.onvif.MediaProfile;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.VideoEncoding;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/** Answers of Media (ver10) and Media 2 (ver20). */
public final class MediaParser {
    private MediaParser() {
    }

    /** Media 1 GetProfiles: configurations are direct children of each profile. */
    public static List<MediaProfile> profiles(Element response) {
        List<MediaProfile> profiles = new ArrayList<>();
        for (Element profile : Xml.children(response, "Profiles")) {
            String token = Xml.attribute(profile, "token").orElse("");
            VideoEncoding video = Xml.child(profile, "VideoEncoderConfiguration").map(MediaParser::media1Encoder)
                    .orElse(null);
            profiles.add(new MediaProfile(token, Xml.textOr(profile, token, "Name"),
                    Xml.textOr(profile, "", "VideoSourceConfiguration", "SourceToken"), video,
                    Xml.child(profile, "PTZConfiguration").flatMap(p -> Xml.attribute(p, "token")).orElse(null),
                    false));
        }
        return profiles;
    }

    private static VideoEncoding media1Encoder(Element encoder) {
        String codec = Xml.textOr(encoder, "", "Encoding");
        int gop = Xml.integer(encoder, "H264", "GovLength")
                .or(() -> Xml.integer(encoder, "MPEG4", "GovLength"))
                .or(() -> Xml.integer(encoder, "H265", "GovLength"))
                .or(() -> Xml.attribute(encoder, "GovLength").flatMap(Xml::parseInt)).orElse(0);
        return new VideoEncoding(Xml.attribute(encoder, "token").orElse(""), codec,
                Xml.integer(encoder, "Resolution", "Width").orElse(0),
                Xml.integer(encoder, "Resolution", "Height").orElse(0),
                Xml.decimal(encoder, "RateControl", "FrameRateLimit").orElse(0.0), gop,
                Xml.integer(encoder, "RateControl", "BitrateLimit").orElse(0));
    }

    /** Media 2 GetProfiles: configurations sit under Configurations; GovLength is an attribute. */
    public static List<MediaProfile> media2Profiles(Element response) {
        List<MediaProfile> profiles = new ArrayList<>();
        for (Element profile : Xml.children(response, "Profiles")) {
            String token = Xml.attribute(profile, "token").orElse("");
            String name = Xml.attribute(profile, "Name").or(() -> Xml.text(profile, "Name")).orElse(token);
            Optional<Element> configurations = Xml.child(profile, "Configurations");
            VideoEncoding video = configurations.flatMap(c -> Xml.child(c, "VideoEncoder"))
                    .map(MediaParser::media2Encoder).orElse(null);
            String source = configurations.flatMap(c -> Xml.text(c, "VideoSource", "SourceToken")).orElse("");
            String ptz = configurations.flatMap(c -> Xml.child(c, "PTZ")).flatMap(p -> Xml.attribute(p, "token"))
                    .orElse(null);
            profiles.add(new MediaProfile(token, name, source, video, ptz, true));
        }
        return profiles;
    }

    private static VideoEncoding media2Encoder(Element encoder) {
        int gop = Xml.attribute(encoder, "GovLength").flatMap(Xml::parseInt)
                .or(() -> Xml.integer(encoder, "GovLength")).orElse(0);
        return new VideoEncoding(Xml.attribute(encoder, "token").orElse(""), Xml.textOr(encoder, "", "Encoding"),
                Xml.integer(encoder, "Resolution", "Width").orElse(0),
                Xml.integer(encoder, "Resolution", "Height").orElse(0),
                Xml.decimal(encoder, "RateControl", "FrameRateLimit").orElse(0.0), gop,
                Xml.integer(encoder, "RateControl", "BitrateLimit").orElse(0));
    }

    /** GetStreamUri / GetSnapshotUri: MediaUri/Uri in Media 1, Uri in Media 2. */
    public static URI mediaUri(Element response, String operation) throws OnvifException {
        String text = Xml.text(response, "MediaUri", "Uri").or(() -> Xml.text(response, "Uri"))
                .orElseThrow(() -> MalformedAnswer.missing(operation, "Uri"));
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw MalformedAnswer.missing(operation, "valid Uri");
        }
    }
}
