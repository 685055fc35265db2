package org.beholder.web.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The JSON object a state-changing request sends: at most {@link #MAX_BYTES}, UTF-8, one object. */
final class RequestBody {
    /** Far more than any camera or user entry; a larger body is refused before it is parsed. */
    static final long MAX_BYTES = 64L * 1024;

    private RequestBody() {
    }

    static String text(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("the body is not valid UTF-8");
        }
    }

    /** The body as one JSON object. */
    static JsonObject object(HttpServletRequest request) throws IOException {
        return object(text(request));
    }

    static JsonObject object(String text) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw ApiError.badRequest("the body is not valid JSON");
        }
        if (!parsed.isJsonObject()) {
            throw ApiError.badRequest("the body must be a JSON object ({\"key\": value, ...})");
        }
        return parsed.getAsJsonObject();
    }

    /** A string member; absent is null, any other type is an error naming the key. */
    static String string(JsonObject body, String key) {
        JsonElement value = body.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw ApiError.badRequest(key + ": must be a string");
        }
        return value.getAsString();
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "the body is larger than " + MAX_BYTES + " bytes");
    }
}
