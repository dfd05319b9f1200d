package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.bootstrap.config.Settings;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The client of a remote scheduler service a processor fires runs through, when the
 * {@code processor.trigger} setting names one (the original deployment: processor as its own process).
 */
@Module
public interface TriggerModule {

    @Provides
    @Singleton
    static Optional<SchedulerClient> remoteScheduler(Settings settings) {
        Settings.Trigger t = settings.trigger();
        return t.target().map(target -> SchedulerClient.connect(new ClientSettings(target, t.token(),
                t.trustCa().map(ca -> new ClientSettings.Tls(Optional.of(ca), Optional.empty(), Optional.empty(),
                        Optional.empty())), ClientSettings.DEFAULT_DEADLINE)));
    }
}
