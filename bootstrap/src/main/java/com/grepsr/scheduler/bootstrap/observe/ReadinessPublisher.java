package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.bootstrap.runtime.Service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Re-evaluates {@link Health#readiness()} every period and hands the answer on (the gRPC health
 * service's status), so a gRPC health check says what {@code /readyz} says without probing the
 * store itself.
 */
public final class ReadinessPublisher implements Service {

    private final Health health;
    private final Consumer<Boolean> target;
    private final Duration period;
    private ScheduledExecutorService timer;

    public ReadinessPublisher(Health health, Consumer<Boolean> target, Duration period) {
        this.health = health;
        this.target = target;
        this.period = period;
    }

    @Override
    public String name() {
        return "readiness";
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "phoenix-readiness");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::publish, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One evaluation, now. */
    public void publish() {
        target.accept(health.readiness().ok());
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
