package org.beholder.web.internal.http;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.Redaction;
import org.slf4j.Logger;

/**
 * The first and last line of every Beholder servlet: nothing thrown inside reaches the container, whose answer would
 * be an HTML page with its version and whose log entry would be a stack trace, and no answer names the container. A failure is one log line (the stack
 * only at debug level) and a JSON 500; a client that went away is not an error at all.
 */
public final class ServletBoundary {
    private ServletBoundary() {
    }

    /** The work of one request. */
    public interface Work {
        void run() throws IOException;
    }

    public static void run(HttpServletRequest request, HttpServletResponse response, Logger logger, Work work) {
        // Jetty's own Server header names its exact version; it yields to one set by the servlet.
        response.setHeader("Server", "Beholder");
        try {
            work.run();
        } catch (IOException e) {
            logger.debug("Client went away: {}", e.getMessage());
        } catch (RuntimeException e) {
            logger.warn("{} {} failed: {}", request.getMethod(), Redaction.redact(request.getRequestURI()),
                    Redaction.redact(String.valueOf(e)));
            logger.debug("Stack of the failure", e);
            try {
                Answers.error(response, 500, "internal error");
            } catch (IOException | RuntimeException ignored) {
                // nothing more can be said to this client
            }
        }
    }
}
