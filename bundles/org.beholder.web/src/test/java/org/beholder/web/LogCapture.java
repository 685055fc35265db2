package org.beholder.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the server logs while a test runs: slf4j-simple (and Jetty through it) writes to the current
 * {@code System.err}, so a tee on it sees every log line, which still reaches the console.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    List<String> lines() {
        return text().lines().filter(l -> !l.isBlank()).toList();
    }

    /** Lines that belong to a stack trace. */
    List<String> stackTraceLines() {
        return lines().stream().filter(l -> l.startsWith("\tat ") || l.trim().startsWith("at ")
                || l.startsWith("Caused by:") || l.trim().startsWith("... ")).toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
