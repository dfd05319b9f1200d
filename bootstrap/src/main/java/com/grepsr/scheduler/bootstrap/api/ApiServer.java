package com.grepsr.scheduler.bootstrap.api;

import com.grepsr.scheduler.adapters.grpc.SchedulerGrpcServer;
import com.grepsr.scheduler.bootstrap.runtime.Service;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The {@code api} role: the scheduler's gRPC server as a service. Stopping it turns health to
 * NOT_SERVING, refuses new calls and gives calls in flight the shutdown grace.
 */
public final class ApiServer implements Service {

    private final Supplier<SchedulerGrpcServer> build;
    private final String host;
    private final boolean tls;
    private SchedulerGrpcServer server;

    /** @param build creates the server (bound at start, so a port in use fails the start, not the wiring) */
    public ApiServer(Supplier<SchedulerGrpcServer> build, String host, boolean tls) {
        this.build = build;
        this.host = host;
        this.tls = tls;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public synchronized void start() {
        server = build.get().start();
    }

    @Override
    public synchronized String address() {
        if (server == null) {
            return "";
        }
        int port = server.listenAddresses().stream().filter(InetSocketAddress.class::isInstance)
                .map(a -> ((InetSocketAddress) a).getPort()).findFirst().orElse(server.port());
        return (tls ? "grpcs://" : "grpc://") + host + ":" + port;
    }

    /** The bound port (the real one when 0 was asked for). */
    public synchronized int port() {
        return server.port();
    }

    /** Turns the gRPC health service's answer to the process's readiness (ignored unless running). */
    public synchronized void serving(boolean ready) {
        if (server != null) {
            server.serving(ready);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
        }
    }
}
