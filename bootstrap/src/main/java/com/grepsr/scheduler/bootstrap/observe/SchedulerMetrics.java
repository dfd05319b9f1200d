package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.application.daemon.reconcile.Retention;
import com.grepsr.scheduler.adapters.web.DispatchMeters;
import com.grepsr.scheduler.adapters.web.DispatchRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;

/**
 * The scheduler's meters, named once here so dashboards have one place to look. In Prometheus
 * they read {@code phoenix_runs_launched_total}, {@code phoenix_runs_missed_total},
 * {@code phoenix_tasks_launched_total}, {@code phoenix_activity_published_total},
 * {@code phoenix_claim_latency_seconds},
 * {@code phoenix_dispatch_lag_seconds}, {@code phoenix_daemon_tick_seconds{daemon}} and
 * {@code phoenix_grpc_calls_total{method,code}}.
 */
public final class SchedulerMetrics {

    private final MeterRegistry registry;
    private final Counter runsLaunched;
    private final Counter runsMissed;
    private final Counter tasksLaunched;
    private final Counter activityPublished;
    private final Timer claimLatency;
    private final Timer dispatchLag;
    /** The last hour of launches per minute, for the dashboard's overview (Prometheus keeps no history here). */
    private final DispatchRecorder recentDispatch = new DispatchRecorder(Clock.systemUTC());

    public SchedulerMetrics(MeterRegistry registry) {
        this.registry = registry;
        runsLaunched = Counter.builder("phoenix.runs.launched")
                .description("scheduled runs the processor fired").register(registry);
        runsMissed = Counter.builder("phoenix.runs.missed")
                .description("scheduled runs settled as missed (paused, scheduler down, never dispatched)")
                .register(registry);
        tasksLaunched = Counter.builder("phoenix.tasks.launched")
                .description("crawler launches, scheduled and by hand").register(registry);
        activityPublished = Counter.builder("phoenix.activity.published")
                .description("activity events relayed to DynamoDB").register(registry);
        claimLatency = Timer.builder("phoenix.claim.latency")
                .description("time to claim a batch of due runs").publishPercentileHistogram().register(registry);
        dispatchLag = Timer.builder("phoenix.dispatch.lag")
                .description("launch time minus fire time of scheduled runs").publishPercentileHistogram()
                .register(registry);
    }

    /** Runs launched per minute and their lag over the last hour, as the dashboard shows them. */
    public DispatchMeters recentDispatch() {
        return recentDispatch;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void runLaunched(Duration lag) {
        recentDispatch.launched(lag);
        runsLaunched.increment();
        dispatchLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void runsMissed(int count) {
        runsMissed.increment(count);
    }

    public void taskLaunched() {
        tasksLaunched.increment();
    }

    public void activityPublished(int count) {
        activityPublished.increment(count);
    }

    public void claimed(Duration took) {
        claimLatency.record(took);
    }

    /** The timer of one daemon's ticks. */
    public Timer tickTimer(String daemon) {
        return Timer.builder("phoenix.daemon.tick").description("duration of daemon ticks").tag("daemon", daemon)
                .register(registry);
    }

    /** Counts one finished gRPC call. */
    /** Rows the reconciler's retention step deleted, by table. */
    public void pruned(Retention.Pruned pruned) {
        prunedRows("vt_scheduled_runs", pruned.runs());
        prunedRows("tasks", pruned.tasks());
        prunedRows("task_history", pruned.history());
        prunedRows("activity_outbox", pruned.events());
    }

    private void prunedRows(String table, int rows) {
        Counter.builder("phoenix.retention.pruned").description("rows the retention step deleted, by table")
                .baseUnit("rows").tag("table", table).register(registry).increment(rows);
    }

    /** A finished gRPC call: counted, and its latency in a histogram, by method and status code. */
    public void grpcCall(String method, String code, Duration took) {
        Counter.builder("phoenix.grpc.calls").description("gRPC calls by method and status code")
                .tag("method", method).tag("code", code).register(registry).increment();
        Timer.builder("phoenix.grpc.server.duration").description("gRPC server latency by method and status code")
                .tag("method", method).tag("code", code).publishPercentileHistogram().register(registry).record(took);
    }
}
