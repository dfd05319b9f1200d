package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.Health;
import com.grepsr.scheduler.bootstrap.observe.MetricsServer;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** One Prometheus registry per process, the scheduler's meters on it, and its scrape endpoint. */
@Module
public interface MetricsModule {

    @Provides
    @Singleton
    static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry); // lives as long as the process: never closed
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Provides
    @Singleton
    static SchedulerMetrics metrics(PrometheusMeterRegistry registry) {
        return new SchedulerMetrics(registry);
    }

    @Provides
    @Singleton
    static Optional<MetricsServer> server(Settings settings, PrometheusMeterRegistry registry, Health health) {
        return settings.metrics().map(at -> new MetricsServer(registry, health, at.host(), at.port()));
    }

    /** The probes' answers; the daemons register with it as the node is built. */
    @Provides
    @Singleton
    static Health health(Clock clock, Stores stores) {
        // a query through the runs' due index: cheap, and it needs the connection and the schema
        return new Health(clock, () -> stores.tx().inTransaction(() -> stores.runs().nextDueAt(clock.instant())),
                stores::schemaProblem);
    }
}
