package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.grpc.GrpcServerSettings;
import com.grepsr.scheduler.adapters.grpc.SchedulerGrpcServer;
import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.adapters.grpc.auth.ApiToken;
import com.grepsr.scheduler.adapters.grpc.auth.AuthInterceptor;
import com.grepsr.scheduler.adapters.grpc.auth.TokenRegistry;
import com.grepsr.scheduler.adapters.grpc.tls.ServerTransports;
import com.grepsr.scheduler.adapters.grpc.tls.TlsSettings;
import com.grepsr.scheduler.adapters.web.Authenticator;
import com.grepsr.scheduler.adapters.web.DashboardUseCases;
import com.grepsr.scheduler.adapters.web.WebDashboard;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.bootstrap.api.ApiServer;
import com.grepsr.scheduler.bootstrap.api.DashboardServer;
import com.grepsr.scheduler.bootstrap.api.GrpcMetricsInterceptor;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.observe.SchedulerMetrics;
import com.grepsr.scheduler.domain.common.AccountId;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;

/** The {@code api} role: every use case behind the gRPC service, its authentication and transport. */
@Module
public interface ApiModule {

    @Provides
    @Singleton
    static SchedulerUseCases useCases(SchedulerCore c) {
        return c.useCases();
    }

    /** The configured bearer tokens: the gRPC service and the dashboard's login check the same ones. */
    @Provides
    @Singleton
    static TokenRegistry tokens(Settings settings) {
        return new TokenRegistry(settings.authTokens().stream()
                .map(t -> t.account().isEmpty() ? ApiToken.admin(t.name(), t.secret())
                        : ApiToken.forAccount(t.name(), AccountId.of(t.account().get()), t.secret()))
                .toList(), settings.crawlerTokens());
    }

    @Provides
    @Singleton
    static AuthInterceptor auth(Settings settings, TokenRegistry tokens) {
        if (settings.authDisabled()) {
            return AuthInterceptor.anonymousAdmin(); // settings allow this only in the embedded development mode
        }
        return AuthInterceptor.requireTokens(tokens);
    }

    /** The web dashboard: the same use cases as the gRPC service, the same tokens; empty when it is off. */
    @Provides
    @Singleton
    static Optional<DashboardServer> dashboard(Settings settings, SchedulerUseCases u, TokenRegistry tokens,
                                               SchedulerMetrics metrics, Clock clock) {
        Authenticator auth = settings.authDisabled() ? Authenticator.anonymousAdmin() : tokens::authenticate;
        DashboardUseCases useCases = DashboardUseCases.of(u);
        return settings.web().map(at -> new DashboardServer(
                () -> WebDashboard.create(useCases, auth, metrics.recentDispatch(), clock), at.host(), at.port()));
    }

    @Provides
    @Singleton
    static ApiServer api(Settings settings, SchedulerUseCases useCases, AuthInterceptor auth,
                         SchedulerMetrics metrics) {
        Optional<TlsSettings> tls = settings.tls()
                .map(t -> new TlsSettings(t.cert(), t.key(), t.clientCa()));
        GrpcServerSettings server = new GrpcServerSettings(GrpcServerSettings.DEFAULT_MAX_INBOUND_MESSAGE_BYTES,
                settings.shutdownGrace());
        InetSocketAddress address = new InetSocketAddress(settings.grpc().host(), settings.grpc().port());
        return new ApiServer(() -> SchedulerGrpcServer.create(ServerTransports.netty(address, tls)
                .intercept(new GrpcMetricsInterceptor(metrics)), useCases, auth, server),
                settings.grpc().host(), tls.isPresent());
    }
}
