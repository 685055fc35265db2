package org.beholder.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one request per connection: sends exactly the bytes it is given (bad
 * percent-encoding, NUL, raw UTF-8, unknown methods, which java.net.http refuses to send) and reads what comes
 * back. Streams that never end (server-sent events, a WebSocket after 101) are cut after their headers.
 */
final class RawHttp {
    private RawHttp() {
    }

    record Answer(int status, List<String> headers, byte[] body) {
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Status line, headers and body as one text, for "never contains" checks. */
        String all() {
            return status + "\n" + String.join("\n", headers) + "\n\n" + new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** A request: request line and headers (without the blank line), then a body. */
    static byte[] request(String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Connection:", 0, 11))) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** Sends the bytes; an empty answer (status 0) when the server closed without answering. */
    static Answer send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading a large request
            }
            boolean head = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1)
                    .equals("HEAD ");
            return read(new BufferedInputStream(socket.getInputStream()), head);
        }
    }

    private static Answer read(InputStream in, boolean headRequest) throws IOException {
        String text = readLineBlock(in);
        if (text.isEmpty()) {
            return new Answer(0, List.of(), new byte[0]);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
        String[] statusLine = lines.remove(0).split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Answer headersOnly = new Answer(status, lines, new byte[0]);
        boolean noBody = headRequest || status / 100 == 1 || status == 204 || status == 304
                || headersOnly.header("Content-Type").orElse("").startsWith("text/event-stream"); // endless
        if (noBody) {
            return headersOnly;
        }
        Optional<String> length = headersOnly.header("Content-Length");
        byte[] body;
        if (headersOnly.header("Transfer-Encoding").orElse("").equalsIgnoreCase("chunked")) {
            body = dechunk(in);
        } else if (length.isPresent()) {
            body = readAtMost(in, Long.parseLong(length.get()));
        } else {
            body = readAtMost(in, Long.MAX_VALUE);
        }
        return new Answer(status, lines, body);
    }

    /** Up to and without the blank line that ends a head (or chunk trailer); empty at end of stream. */
    private static String readLineBlock(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = readByte(in)) >= 0) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r\n\r\n") ? text.substring(0, text.length() - 4) : text;
    }

    private static int readByte(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException | SocketException e) {
            return -1;
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            long left = limit;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                body.write(buffer, 0, n);
                left -= n;
            }
        } catch (SocketTimeoutException | SocketException e) {
            // what arrived is the answer
        }
        return body.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = readByte(in)) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in).split(";")[0].trim();
            if (size.isEmpty()) {
                return body.toByteArray();
            }
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                readLine(in); // the blank line after the last chunk
                return body.toByteArray();
            }
            body.writeBytes(readAtMost(in, length));
            readLine(in);
        }
    }
}
