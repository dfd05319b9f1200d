package com.grepsr.scheduler.adapters.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;

/**
 * fabric8's mock API server on loopback, with a client for it: what {@code @EnableKubernetesMockClient}
 * gives, except for how it closes.
 *
 * <p>On Vert.x 5 the mock server completes its close only once every connection it holds is
 * closed (fabric8io/kubernetes-client#8131), and throws "Unable to close MockWebServer" when that
 * close fails or outlasts 10 s. It did once in CI, in {@link ConcurrentLaunchTest}'s teardown after
 * its assertions had passed, with the launcher's clients (an informer's watch among them) closing
 * as the server did; 20 repeats under load did not do it again. That says nothing about the code
 * under test, so {@link #close()} prints it with its cause instead of failing the test; anything
 * else a close throws still fails it.
 */
final class MockApiServer implements AutoCloseable {

    private static final String CLOSE_FAILED = "Unable to close MockWebServer";

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private MockApiServer(boolean crud) {
        server = crud
                ? new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false)
                : new KubernetesMockServer(false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
        client = server.createClient();
    }

    /** Keeps what clients create and serves gets, lists and watches from it (a small API server). */
    static MockApiServer crud() {
        return new MockApiServer(true);
    }

    /** Answers only what a test scripts through {@code server().expect()}. */
    static MockApiServer scripted() {
        return new MockApiServer(false);
    }

    KubernetesMockServer server() {
        return server;
    }

    /** A client of this server; tests read the server's state through it. */
    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            if (!CLOSE_FAILED.equals(e.getMessage())) {
                throw e;
            }
            System.err.println("fabric8's mock API server did not close cleanly: " + e.getCause());
        }
    }
}
