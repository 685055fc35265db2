package org.beholder.standalone.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hundreds of idle or slow clients: bounded descriptors, closed idle connections, a server that still answers. */
class ConnectionLimitsTest {
    private static final int CLIENTS = 300;
    private static final int LIMIT = 50;

    @Test
    void manySlowClientsHoldBoundedDescriptorsAndANormalRequestStillAnswers(@TempDir Path data) throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withConnections(LIMIT, Duration.ofSeconds(30),
                Duration.ofMillis(500));
        List<Socket> clients = new ArrayList<>();
        try (ServerFixture fixture = new ServerFixture(data, limits)) {
            long before = openDescriptors();
            clients.addAll(slowClients(fixture.port(), CLIENTS));
            Thread.sleep(1000); // let the server accept what it will
            long serverSide = openDescriptors() - before - clients.size();
            System.out.printf("%d slow clients connected; server-side descriptors: %d (limit %d)%n", clients.size(),
                    serverSide, LIMIT);
            assertTrue(serverSide <= LIMIT + 20, "server-side descriptors " + serverSide + " with " + clients.size()
                    + " slow clients");

            long start = System.nanoTime();
            RawHttp answer = RawHttp.request(fixture.port(), "GET", "/beholder/api/channels",
                    "Authorization: Bearer " + ServerFixture.TOKEN);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("a normal request with %d slow clients answered in %d ms%n", clients.size(), millis);
            assertEquals(200, answer.status(), answer.raw());
            assertTrue(millis < 10_000, "answered in " + millis + " ms");
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout(@TempDir Path data) throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withConnections(1000, Duration.ofSeconds(1),
                Duration.ofMillis(500));
        List<Socket> clients = new ArrayList<>();
        try (ServerFixture fixture = new ServerFixture(data, limits)) {
            clients.addAll(slowClients(fixture.port(), 20));
            try (Socket silent = new Socket()) {
                silent.connect(new InetSocketAddress("127.0.0.1", fixture.port()), 5000);
                clients.add(silent);
                for (Socket client : clients) {
                    assertEquals(-1, readUntilClosed(client, Duration.ofSeconds(20)), "closed by the server");
                }
            }
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    /** Clients that send half a request line and headers and then nothing. */
    private static List<Socket> slowClients(int port, int count) throws Exception {
        ConcurrentLinkedQueue<Socket> connected = new ConcurrentLinkedQueue<>();
        try (ExecutorService connecting = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                connecting.submit(() -> {
                    Socket socket = new Socket();
                    try {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
                        socket.getOutputStream().write("GET /beholder/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                                .getBytes(StandardCharsets.US_ASCII));
                        connected.add(socket);
                    } catch (IOException e) {
                        socket.close(); // the kernel's backlog is full too: that is the limit working
                    }
                    return null;
                });
            }
        }
        return new ArrayList<>(connected);
    }

    private static int readUntilClosed(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        try {
            int read;
            while ((read = in.read()) != -1) {
                // a 408 or 400 answer before the close is fine
            }
            return read;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            return -1; // reset by the server: closed as well
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
