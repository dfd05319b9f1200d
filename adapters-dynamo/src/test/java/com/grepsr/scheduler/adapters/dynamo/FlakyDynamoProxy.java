package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.domain.event.EventId;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP proxy in front of a DynamoDB-protocol server that misbehaves like DynamoDB under
 * load: some PutItem calls are refused with 400 ThrottlingException before they reach the server,
 * and some reach it, are stored, and still answer 500 (the response "lost"), which is the case
 * that needs the publisher's idempotency. It records the order in which the server accepted
 * PutItems; forwarding them one at a time makes that record the server's own order.
 */
final class FlakyDynamoProxy implements AutoCloseable {

    /** What to do with the n-th PutItem (1-based). */
    enum Fault { NONE, THROTTLE_BEFORE, FAIL_AFTER_STORING }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\\{\"S\":\"([^\"]+)\"}");

    private final URI target;
    private final IntFunction<Fault> faults;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final List<EventId> stored = new ArrayList<>();
    private final Object serverOrder = new Object();

    FlakyDynamoProxy(URI target, IntFunction<Fault> faults) throws IOException {
        this.target = target;
        this.faults = faults;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Event ids of the PutItems the server accepted, in the server's order. */
    List<EventId> stored() {
        synchronized (serverOrder) {
            return List.copyOf(stored);
        }
    }

    /** How many faults were injected. */
    int injectedFaults() {
        return injected.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            if (!operation.endsWith(".PutItem")) {
                relay(exchange, forward(exchange, body));
                return;
            }
            Fault fault = faults.apply(puts.incrementAndGet());
            if (fault == Fault.THROTTLE_BEFORE) {
                injected.incrementAndGet();
                reply(exchange, 400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");
                return;
            }
            HttpResponse<byte[]> response;
            synchronized (serverOrder) {
                response = forward(exchange, body);
                if (response.statusCode() == 200) {
                    Matcher m = EVENT_ID.matcher(new String(body, StandardCharsets.UTF_8));
                    if (m.find()) {
                        stored.add(EventId.of(m.group(1)));
                    }
                }
            }
            if (fault == Fault.FAIL_AFTER_STORING) {
                injected.incrementAndGet();
                reply(exchange, 500, "InternalServerError", "Internal server error");
                return;
            }
            relay(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        send(exchange, response.statusCode(), response.body());
    }

    private static void reply(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        send(exchange, status, ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\""
                + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
