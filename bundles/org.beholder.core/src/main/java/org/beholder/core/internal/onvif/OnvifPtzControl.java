package org.beholder.core.internal.onvif;

import java.time.Duration;
import java.util.List;

import org.beholder.core.CameraCommandException;
import org.beholder.core.CameraPtz;
import org.beholder.onvif.OnvifException;
import org.beholder.onvif.OnvifPtz;
import org.beholder.onvif.PtzNode;
import org.beholder.onvif.PtzPreset;
import org.beholder.onvif.PtzVector;

/** {@link CameraPtz} over ONVIF PTZ, for the profile the camera records. */
final class OnvifPtzControl implements CameraPtz {
    private final OnvifPtz ptz;
    private final String profile;
    private final String where;

    OnvifPtzControl(OnvifPtz ptz, String profileToken, String where) {
        this.ptz = ptz;
        this.profile = profileToken;
        this.where = where;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws OnvifException;
    }

    private <T> T call(String what, Call<T> call) throws CameraCommandException {
        try {
            return call.run();
        } catch (OnvifException e) {
            throw new CameraCommandException(where + ": " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void move(double pan, double tilt, double zoom) throws CameraCommandException {
        call("move", () -> {
            ptz.continuousMove(profile, new PtzVector(clamp(pan), clamp(tilt), clamp(zoom)),
                    Duration.ofSeconds(MOVE_LIMIT_SECONDS));
            return null;
        });
    }

    @Override
    public void stop() throws CameraCommandException {
        call("stop", () -> {
            ptz.stop(profile);
            return null;
        });
    }

    @Override
    public void moveTo(double pan, double tilt, double zoom) throws CameraCommandException {
        call("move to a position", () -> {
            List<PtzNode> nodes = ptz.nodes();
            if (nodes.isEmpty()) {
                throw new OnvifException(OnvifException.Kind.SERVICE_MISSING, "the camera has no PTZ node");
            }
            ptz.absoluteMove(profile, nodes.get(0), new PtzVector(clamp(pan), clamp(tilt), clamp(zoom)));
            return null;
        });
    }

    @Override
    public List<Preset> presets() throws CameraCommandException {
        return call("list presets", () -> ptz.presets(profile).stream().map(p -> new Preset(p.token(), p.name()))
                .toList());
    }

    @Override
    public void gotoPreset(String tokenOrName) throws CameraCommandException {
        List<PtzPreset> presets = call("list presets", () -> ptz.presets(profile));
        PtzPreset preset = presets.stream().filter(p -> p.token().equals(tokenOrName)).findFirst()
                .or(() -> presets.stream().filter(p -> tokenOrName.equals(p.name())).findFirst())
                .orElseThrow(() -> new CameraCommandException(where + ": no preset '" + tokenOrName + "'"));
        call("go to preset " + preset.name(), () -> {
            ptz.gotoPreset(profile, preset.token());
            return null;
        });
    }

    @Override
    public String savePreset(String name) throws CameraCommandException {
        String existing = call("list presets", () -> ptz.presets(profile)).stream()
                .filter(p -> name.equals(p.name())).map(PtzPreset::token).findFirst().orElse(null);
        return call("save preset " + name, () -> ptz.setPreset(profile, name, existing));
    }

    @Override
    public void home() throws CameraCommandException {
        call("go home", () -> {
            ptz.gotoHomePosition(profile);
            return null;
        });
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(-1, Math.min(1, value));
    }
}
