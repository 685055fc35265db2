package org.beholder.web.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.core.Beholder;
import org.beholder.core.Camera;
import org.beholder.core.CameraCommandException;
import org.beholder.core.CameraPtz;
import org.beholder.engine.NvrChannel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Pan, tilt and zoom: {@code GET …/ptz/presets} lists presets ({@code []} for a camera without PTZ);
 * {@code POST …/ptz} with one of {@code {"move": {"pan","tilt","zoom"}}} (continuous, -1..1), {@code {"stop": true}},
 * {@code {"preset": "<token or name>"}}, {@code {"home": true}}, {@code {"absolute": {"pan","tilt","zoom"}}} or
 * {@code {"save": "<name>"}} → 202.
 */
final class PtzResources {
    /** A command is a few dozen bytes; anything much larger is not one. */
    static final int MAX_BODY_BYTES = 4096;

    private final Beholder beholder;

    PtzResources(Beholder beholder) {
        this.beholder = beholder;
    }

    void presets(NvrChannel channel, HttpServletResponse response) throws IOException {
        CameraPtz ptz = beholder.camera(channel.id()).flatMap(Camera::ptzControl).orElse(null);
        List<CameraPtz.Preset> presets;
        try {
            presets = ptz == null ? List.of() : ptz.presets();
        } catch (CameraCommandException e) {
            throw new ApiError(502, e.getMessage());
        }
        ApiServlet.sendJson(response, 200, presets);
    }

    void command(NvrChannel channel, HttpServletRequest request, HttpServletResponse response) throws IOException {
        CameraPtz ptz = beholder.camera(channel.id()).flatMap(Camera::ptzControl)
                .orElseThrow(() -> new ApiError(409, "this camera has no PTZ (it is not set up through ONVIF, or its"
                        + " profile has no PTZ configuration)"));
        JsonObject body = body(request);
        try {
            if (body.has("move")) {
                double[] v = vector(body, "move");
                ptz.move(v[0], v[1], v[2]);
            } else if (body.has("stop")) {
                ptz.stop();
            } else if (body.has("preset")) {
                ptz.gotoPreset(text(body, "preset"));
            } else if (body.has("home")) {
                ptz.home();
            } else if (body.has("absolute")) {
                double[] v = vector(body, "absolute");
                ptz.moveTo(v[0], v[1], v[2]);
            } else if (body.has("save")) {
                String token = ptz.savePreset(text(body, "save"));
                ApiServlet.sendJson(response, 202, Map.of("channel", channel.id(), "preset", token));
                return;
            } else {
                throw ApiError.badRequest("expected one of move, stop, preset, home, absolute, save");
            }
        } catch (CameraCommandException e) {
            throw new ApiError(502, e.getMessage());
        }
        ApiServlet.sendJson(response, 202, Map.of("channel", channel.id()));
    }

    private static JsonObject body(HttpServletRequest request) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiError(413, "a PTZ command is at most " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonElement json = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw ApiError.badRequest("the body must be a JSON object such as {\"stop\": true}");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw ApiError.badRequest("the body must be a JSON object such as {\"stop\": true}");
        }
    }

    private static double[] vector(JsonObject body, String key) {
        if (!body.get(key).isJsonObject()) {
            throw ApiError.badRequest(key + " must be an object with pan, tilt and zoom (-1..1)");
        }
        JsonObject v = body.getAsJsonObject(key);
        return new double[] {number(v, "pan", key), number(v, "tilt", key), number(v, "zoom", key)};
    }

    private static double number(JsonObject v, String axis, String key) {
        JsonElement value = v.get(axis);
        if (value == null) {
            return 0;
        }
        try {
            double number = value.getAsDouble();
            if (Double.isNaN(number) || number < -1 || number > 1) {
                throw ApiError.badRequest(key + "." + axis + " must be between -1 and 1");
            }
            return number;
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw ApiError.badRequest(key + "." + axis + " must be a number between -1 and 1");
        }
    }

    private static String text(JsonObject body, String key) {
        JsonElement value = body.get(key);
        if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()
                || value.getAsString().length() > 64) {
            throw ApiError.badRequest(key + " must be a name or token of 1-64 characters");
        }
        return value.getAsString();
    }
}
