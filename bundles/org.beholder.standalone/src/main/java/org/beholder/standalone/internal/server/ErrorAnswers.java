package org.beholder.standalone.internal.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Every error Jetty answers by itself (no servlet for the path, an undecodable URI or query, a bad request line,
 * headers too large, a servlet's {@code sendError}) in Beholder's own format: see {@link ErrorBody}. Jetty's
 * default page would show its version and, for exceptions, a stack trace.
 */
final class ErrorAnswers extends ErrorHandler {

    ErrorAnswers() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    /** Bodies for every method, not only GET and POST: a client always learns why. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** The reason phrase only: Jetty's messages can quote exceptions and the request itself. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.resetBuffer();
        ErrorBody.write(request, response, code, ErrorBody.reason(code));
    }

    /** Requests too broken to dispatch (bad request line, 431 headers too large): no path, so plain text. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(ErrorBody.plain(status, ErrorBody.reason(status)).getBytes(StandardCharsets.UTF_8));
    }
}
