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
 * The Prometheus scrape endpoint ({@code GET /metrics}) and the probes ({@code /livez},
 * {@code /readyz}: 200 with {@code ok}, or 503 with what is wrong; see {@link Health}) on the
 * JDK's HTTP server: two small threads (a readiness probe waiting on a dead store must not hold
 * up a scrape), no web framework in the jar for a few URLs. {@code /healthz} is {@code /livez}.
 */
public final class MetricsServer implements Service {

    private final PrometheusMeterRegistry registry;
    private final Health health;
    private final String host;
    private final int port;
    private HttpServer server;
    private ExecutorService executor;

    public MetricsServer(PrometheusMeterRegistry registry, Health health, String host, int port) {
        this.registry = registry;
        this.health = health;
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
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "phoenix-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", this::scrape);
        server.createContext("/livez", ex -> probe(ex, health.liveness()));
        server.createContext("/healthz", ex -> probe(ex, health.liveness()));
        server.createContext("/readyz", ex -> probe(ex, health.readiness()));
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

    private static void probe(HttpExchange ex, Health.Report report) throws IOException {
        reply(ex, report.ok() ? 200 : 503, "text/plain; charset=utf-8", report.text());
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
