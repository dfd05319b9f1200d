package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.dynamo.DynamoAdapters;
import com.grepsr.scheduler.bootstrap.config.Settings;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The DynamoDB activity adapters, when a table is configured. */
@Module
public interface DynamoModule {

    @Provides
    @Singleton
    static Optional<DynamoAdapters> dynamo(Settings settings) {
        return settings.dynamo().map(d -> DynamoAdapters.create(ActivityTables.settingsOf(d)));
    }
}
