package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.bootstrap.runtime.Service;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Prometheus scrape endpoint ({@code GET /metrics}) on the JDK's HTTP server: one small
 * thread, no web framework in the jar for two URLs.
 */
public final class MetricsServer implements Service {

    private final PrometheusMeterRegistry registry;
    private final String host;
    private final int port;
    private HttpServer server;
    private ExecutorService executor;

    public MetricsServer(PrometheusMeterRegistry registry, String host, int port) {
        this.registry = registry;
        this.host = host;
        this.port = port;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "phoenix-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", this::scrape);
        server.createContext("/healthz", ex -> reply(ex, 200, "text/plain", "ok\n"));
        server.start();
    }

    /** Where it listens (the real port when 0 was asked for). */
    @Override
    public String address() {
        return "http://" + host + ":" + server.getAddress().getPort() + "/metrics";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0); // a scrape cut short costs nothing; waiting would slow every stop
            executor.shutdownNow();
            server = null;
        }
    }

    private void scrape(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            reply(ex, 405, "text/plain", "GET only\n");
            return;
        }
        reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
