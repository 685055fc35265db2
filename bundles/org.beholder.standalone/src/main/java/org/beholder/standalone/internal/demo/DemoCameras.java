package org.beholder.standalone.internal.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.config.StandaloneConfig;

/**
 * {@code --demo}: three cameras that need no network — two built-in test cameras with moving objects and a
 * looping MPEG-TS file made once with GStreamer ({@link DemoClip}) — and a user {@code demo} with a fresh random
 * password.
 */
public final class DemoCameras {
    public static final String USER = "demo";

    private DemoCameras() {
    }

    public static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static StandaloneConfig apply(StandaloneConfig config, String password) throws IOException {
        Path clip = DemoClip.ensure(config.dataDir().resolve("demo"));
        // Motion events everywhere; only the garden records on motion, so a long demo does not fill the disk
        // with three never-ending recordings (the test pictures move all the time).
        List<CameraSettings> cameras = List.of(
                CameraSettings.builder("garden", "test:?width=640&height=360&fps=15&gop=15&pattern=ball")
                        .label("Garden (test camera)").build(),
                CameraSettings.builder("driveway", "test:?width=640&height=360&fps=15&gop=30&pattern=smpte&speed=4")
                        .label("Driveway (test camera)").recording(RecordMode.MANUAL, false, Set.of()).build(),
                CameraSettings.builder("lobby", clip.toUri().toString()).label("Lobby (looping file)")
                        .recording(RecordMode.MANUAL, false, Set.of()).build());
        List<StandaloneConfig.User> users = List.of(new StandaloneConfig.User(USER,
                PasswordHash.hash(password.toCharArray())));
        return config.withUsersAndCameras(users, cameras);
    }
}
