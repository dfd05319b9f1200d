package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.bootstrap.config.Role;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.Health;
import com.grepsr.scheduler.bootstrap.observe.MetricsServer;
import com.grepsr.scheduler.bootstrap.observe.ReadinessPublisher;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import com.grepsr.scheduler.bootstrap.runtime.DaemonService;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import com.grepsr.scheduler.bootstrap.runtime.Service;
import com.grepsr.scheduler.adapters.dynamo.DynamoAdapters;
import com.grepsr.scheduler.adapters.k8s.KubernetesAdapters;
import com.grepsr.scheduler.adapters.grpc.client.GrpcRunTrigger;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.bootstrap.api.ApiServer;
import com.grepsr.scheduler.bootstrap.api.DashboardServer;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The services the configured roles run, in start order: metrics first (so a slow start is
 * visible), then the daemons, the API last (it takes work only once everything behind it runs).
 */
@Module
public interface NodeModule {

    /** How often the gRPC health service's status follows readiness. */
    Duration READINESS_PERIOD = Duration.ofSeconds(2);

    @Provides
    @Singleton
    static Node node(Settings settings, Clock clock, SchedulerCore core, SchedulerMetrics metrics, Wakeups wakeups,
                     Stores stores, Optional<MetricsServer> metricsServer, Health health,
                     Lazy<Optional<DynamoAdapters>> dynamo, Optional<KubernetesAdapters> kubernetes,
                     Lazy<ApiServer> api, Lazy<Optional<DashboardServer>> dashboard,
                     Lazy<Optional<SchedulerClient>> remote) {
        Daemons daemons = new Daemons(settings, clock, core, metrics, wakeups);
        List<Service> services = new ArrayList<>();
        metricsServer.ifPresent(services::add);
        if (settings.runs(Role.CALCULATOR)) {
            services.add(daemons.calculator());
        }
        List<AutoCloseable> resources = new ArrayList<>(List.of(stores));
        kubernetes.ifPresent(resources::add);
        if (settings.runs(Role.RECONCILER)) {
            services.add(daemons.reconciler());
            // the reconciler role also relays activity events: housekeeping that needs no role of its own
            dynamo.get().ifPresent(d -> {
                resources.add(d);
                if (settings.dynamo().orElseThrow().createTable()) {
                    services.add(new ActivityTableSetup(d.table()));
                }
                services.add(daemons.relay(d.publisher()));
            });
        }
        if (settings.runs(Role.PROCESSOR)) {
            Optional<SchedulerClient> client = settings.trigger().inProcess() ? Optional.empty() : remote.get();
            client.ifPresent(resources::add);
            services.add(daemons.processor(client.map(c -> new GrpcRunTrigger(c)).orElse(null)));
        }
        services.stream().filter(DaemonService.class::isInstance)
                .forEach(d -> health.watch(((DaemonService) d).watched()));
        if (settings.runs(Role.API)) {
            ApiServer server = api.get();
            services.add(server);
            dashboard.get().ifPresent(services::add);
            services.add(new ReadinessPublisher(health, server::serving, READINESS_PERIOD));
        }
        return new Node(services, resources);
    }
}
