package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.application.service.SchedulerPorts;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import dagger.BindsInstance;
import dagger.Component;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * One scheduler process: the adapters its {@link Settings} choose, the core over them, and the
 * {@link Node} of services its roles run. Build it with
 * {@code DaggerSchedulerComponent.factory().create(settings, Clock.systemUTC())}.
 */
@Singleton
@Component(modules = {StoreModule.class, LauncherModule.class, CoreModule.class, MetricsModule.class,
        NodeModule.class, DynamoModule.class, KubernetesModule.class, ApiModule.class, TriggerModule.class})
public interface SchedulerComponent {

    Node node();

    SchedulerCore core();

    SchedulerPorts ports();

    SchedulerMetrics metrics();

    PrometheusMeterRegistry registry();

    /** Every use case as the gRPC service sees it. */
    SchedulerUseCases useCases();

    /** Creates the component for one configuration and clock (tests pass a settable clock). */
    @Component.Factory
    interface Factory {
        SchedulerComponent create(@BindsInstance Settings settings, @BindsInstance Clock clock);
    }
}
