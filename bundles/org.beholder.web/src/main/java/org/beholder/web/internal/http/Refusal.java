package org.beholder.web.internal.http;

import java.io.IOException;

import javax.servlet.http.HttpServletResponse;

/** Why a request is answered before any Beholder logic runs, and the header that goes with it. */
public record Refusal(int status, String message, String header, String headerValue) {

    static Refusal of(int status, String message) {
        return new Refusal(status, message, null, null);
    }

    public void send(HttpServletResponse response) throws IOException {
        if (header != null && !response.isCommitted()) {
            response.setHeader(header, headerValue);
        }
        Answers.error(response, status, message);
    }
}
