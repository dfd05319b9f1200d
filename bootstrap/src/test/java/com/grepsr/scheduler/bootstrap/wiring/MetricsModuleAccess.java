package com.grepsr.scheduler.bootstrap.wiring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The registry a process builds, with the JVM meters bound, for tests outside the package. */
public final class MetricsModuleAccess {

    private MetricsModuleAccess() {
    }

    public static PrometheusMeterRegistry registry() {
        return MetricsModule.registry();
    }
}
