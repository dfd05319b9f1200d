package com.grepsr.scheduler.bootstrap.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The services of one process, in start order: they start first to last and stop last to first,
 * so the gRPC server (last) stops taking calls before the daemons and stores behind it go away.
 * {@link #close()} is idempotent and safe from a shutdown hook.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final List<Service> services;
    private final List<AutoCloseable> resources;
    private final List<Service> started = new ArrayList<>();
    private boolean closed;

    /**
     * @param services  in start order
     * @param resources closed after every service stopped (pools, clients), in reverse order
     */
    public Node(List<Service> services, List<AutoCloseable> resources) {
        this.services = List.copyOf(services);
        this.resources = List.copyOf(resources);
    }

    public List<Service> services() {
        return services;
    }

    /** Starts every service; if one fails, stops those already started and rethrows. */
    public synchronized Node start() throws Exception {
        for (Service s : services) {
            try {
                s.start();
                started.add(s);
            } catch (Exception | Error e) {
                LOG.error("{} failed to start: {}", s.name(), e.toString());
                close();
                throw e;
            }
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            Service s = started.get(i);
            try {
                s.stop();
                LOG.info("stopped {}", s.name());
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly", s.name(), e);
            }
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resources.get(i), e);
            }
        }
    }
}
