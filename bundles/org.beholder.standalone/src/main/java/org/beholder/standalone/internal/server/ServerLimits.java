package org.beholder.standalone.internal.server;

import java.time.Duration;

/**
 * How much the embedded Jetty gives any client, sized for a small machine (two cores) that must keep recording
 * whatever the network does. Every limit turns a flood of connections into bounded file descriptors, threads and
 * memory instead of a stalled recorder.
 *
 * @param maxConnections open connections at most; beyond it Jetty stops accepting (new ones wait in the kernel's
 *            backlog) until one closes
 * @param idleTimeout a connection that sends or receives nothing this long is closed
 * @param idleTimeoutAtLimit the idle timeout of every open connection while at {@code maxConnections}, so that
 *            idle or slow clients make room for new ones quickly
 * @param maxRequestHeaderBytes request line and headers together; larger requests are answered 431
 * @param maxThreads request threads at most (WebSockets and event streams do not hold one while idle)
 * @param maxQueuedJobs work waiting for a thread at most; beyond it Jetty closes the connection
 */
public record ServerLimits(int maxConnections, Duration idleTimeout, Duration idleTimeoutAtLimit,
        int maxRequestHeaderBytes, int maxThreads, int maxQueuedJobs) {

    public static final int MAX_CONNECTIONS = 256;

    public static final ServerLimits DEFAULTS = new ServerLimits(MAX_CONNECTIONS, Duration.ofSeconds(30),
            Duration.ofSeconds(2), 8 * 1024, 32, 256);

    public ServerLimits {
        if (maxConnections < 1 || maxThreads < 8 || maxQueuedJobs < 1 || maxRequestHeaderBytes < 1024) {
            throw new IllegalArgumentException("limits too small: " + maxConnections + " connections, "
                    + maxThreads + " threads, " + maxQueuedJobs + " queued jobs, " + maxRequestHeaderBytes
                    + " header bytes");
        }
    }

    /** The same limits with other connection numbers and timeouts, e.g. for a test that cannot wait 30 s. */
    public ServerLimits withConnections(int connections, Duration idle, Duration idleAtLimit) {
        return new ServerLimits(connections, idle, idleAtLimit, maxRequestHeaderBytes, maxThreads, maxQueuedJobs);
    }
}
