package com.grepsr.scheduler.bootstrap.runtime;

/**
 * One part a process runs (a daemon loop, the gRPC server, the metrics endpoint). A {@link Node}
 * starts its services in order and stops them in reverse.
 */
public interface Service {

    String name();

    void start() throws Exception;

    /**
     * Stops taking new work, finishes what is in flight and releases threads and sockets.
     * Called once, even if {@link #start()} failed part-way.
     */
    void stop();

    /** Where it listens, for the startup line; empty when it listens nowhere. */
    default String address() {
        return "";
    }
}
