package com.grepsr.scheduler.bootstrap.api;

import com.grepsr.scheduler.adapters.web.WebDashboard;
import com.grepsr.scheduler.bootstrap.runtime.Service;

import java.util.function.Supplier;

/** The {@code api} role's web dashboard as a service, on its own port (PHOENIX_WEB_PORT). */
public final class DashboardServer implements Service {

    private final Supplier<WebDashboard> build;
    private final String host;
    private final int port;
    private WebDashboard dashboard;

    /** @param build creates the dashboard (bound at start, so a port in use fails the start, not the wiring) */
    public DashboardServer(Supplier<WebDashboard> build, String host, int port) {
        this.build = build;
        this.host = host;
        this.port = port;
    }

    @Override
    public String name() {
        return "web";
    }

    @Override
    public synchronized void start() {
        dashboard = build.get().start(host, port);
    }

    @Override
    public synchronized String address() {
        return dashboard == null ? "" : "http://" + host + ":" + dashboard.port() + "/";
    }

    /** The bound port (the real one when 0 was asked for). */
    public synchronized int port() {
        return dashboard.port();
    }

    @Override
    public synchronized void stop() {
        if (dashboard != null) {
            dashboard.close();
            dashboard = null;
        }
    }
}
