package com.grepsr.scheduler.bootstrap.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for SIGTERM or SIGINT, then lets the caller stop its {@link Node} on the main thread and
 * exit 0. Handling the signals ourselves is what makes a requested stop exit 0 (a JVM ended by a
 * bare SIGTERM exits 143); a shutdown hook still closes the node on any other way out.
 */
public final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private final CountDownLatch requested = new CountDownLatch(1);

    /** A stop request not tied to signals; {@link #install} also listens for SIGTERM and SIGINT. */
    public Shutdown() {
    }

    /** Installs the signal handlers and a shutdown hook that closes {@code node}. */
    public static Shutdown install(Node node) {
        Shutdown s = new Shutdown();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), sig -> {
                    LOG.info("SIG{} received: stopping", sig.getName());
                    s.requested.countDown();
                });
            } catch (IllegalArgumentException e) {
                // signal not available here (or -Xrs): the shutdown hook below still stops cleanly
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "phoenix-shutdown"));
        return s;
    }

    /** Ends {@link #await()} as a signal would (tests, embedding). */
    public void request() {
        requested.countDown();
    }

    /** Blocks until a stop is requested. */
    public void await() throws InterruptedException {
        requested.await();
    }
}
