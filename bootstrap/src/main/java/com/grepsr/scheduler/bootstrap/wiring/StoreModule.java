package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.bootstrap.config.Settings;
import dagger.Module;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Chooses the storage adapter the {@code store} setting names. */
@Module
public interface StoreModule {

    @Provides
    @Singleton
    static Stores stores(Settings settings, Clock clock, PrometheusMeterRegistry registry) {
        Stores stores = switch (settings.store().kind()) {
            case MEMORY -> Stores.inMemory(clock);
            case JDBC -> Stores.sql(settings.store(), clock);
        };
        stores.bindPoolMetrics(registry);
        return stores;
    }
}
