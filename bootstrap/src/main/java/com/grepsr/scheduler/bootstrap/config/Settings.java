package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.application.model.CrawlerTokens;

import com.grepsr.scheduler.adapters.k8s.KubernetesSettings;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.reconcile.RetentionSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated configuration of one scheduler process; see {@link Setting} for every value's
 * source and default, and {@link SettingsReader} for how it is read.
 *
 * @param roles          what this process runs
 * @param grpc           where the {@code api} role listens
 * @param authTokens     accepted bearer tokens; empty = authentication off (development only)
 * @param crawlerTokens  signs and verifies the crawlers' task-scoped tokens; disabled without a secret
 * @param tls            the server's certificate, key and optional client CA
 * @param store          where schedules, runs and tasks live
 * @param launcher       how crawlers run
 * @param simulatedCrawl how long a simulated crawl runs
 * @param catalogFile    the crawler catalog, if any
 * @param kubernetes     the Kubernetes launcher's settings; present with the {@code kubernetes} launcher
 * @param daemons        the daemons' tunables
 * @param retention      how long the reconciler keeps settled runs, finished tasks and delivered events
 * @param trigger        how the processor fires due runs
 * @param replica        this process's name in run claims
 * @param dynamo         where activity events are relayed; empty = they stay in the outbox
 * @param metrics        where the Prometheus endpoint listens; empty = off
 * @param web            where the {@code api} role's web dashboard listens; empty = off
 * @param shutdownGrace  how long stopping waits for in-flight work
 * @param logLevel       the root log level
 * @param logFormat      plain text or one JSON object a line
 */
public record Settings(Set<Role> roles, Endpoint grpc, List<AuthToken> authTokens, CrawlerTokens crawlerTokens,
                       Optional<Tls> tls, Store store,
                       LauncherKind launcher, Duration simulatedCrawl, Optional<Path> catalogFile,
                       Optional<KubernetesSettings> kubernetes,
                       DaemonSettings daemons, RetentionSettings retention, Trigger trigger, Optional<Dynamo> dynamo,
                       String replica,
                       Optional<Endpoint> metrics, Optional<Endpoint> web,
                       Duration shutdownGrace, String logLevel, LogFormat logFormat) {

    /** How log lines are written. */
    public enum LogFormat { TEXT, JSON }

    public Settings {
        roles = Set.copyOf(roles);
        authTokens = List.copyOf(authTokens);
    }

    /** The settings of a process with no configuration at all. */
    public static Settings defaults() {
        return SettingsReader.read(Map.of(), Optional.empty());
    }

    /** A host and port to listen on or connect to. */
    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * One accepted bearer token.
     *
     * @param name    the caller's name in logs and activity events
     * @param secret  what clients send as {@code Bearer SECRET}
     * @param account the only account its holder may act on; empty for an admin
     */
    public record AuthToken(String name, String secret, Optional<String> account) {
        public boolean admin() {
            return account.isEmpty();
        }

        @Override
        public String toString() { // never print a secret
            return "AuthToken[" + name + ", " + (admin() ? "admin" : "account " + account.get()) + "]";
        }
    }

    /** The server's TLS material; with {@code clientCa} clients must present certificates (mTLS). */
    public record Tls(Path cert, Path key, Optional<Path> clientCa) {
    }

    /** The store: in memory, or a JDBC URL. */
    /** @param poolSize most connections this process opens to a {@code jdbc:} store */
    public record Store(StoreKind kind, String url, Optional<String> user, Optional<String> password, int poolSize) {
        public boolean embedded() {
            return kind == StoreKind.MEMORY || url.startsWith("jdbc:h2:");
        }

        @Override
        public String toString() { // the password stays out of logs (and out of a URL's query, if put there)
            return kind == StoreKind.MEMORY ? "memory" : url.replaceAll("(?i)(password=)[^;&]*", "$1****");
        }
    }

    /**
     * The DynamoDB activity table.
     *
     * @param region    AWS region; for a local endpoint any value
     * @param endpoint  a local server; empty = the region's AWS endpoint with the default credentials chain
     * @param retention how long events are kept; empty = forever
     */
    public record Dynamo(String table, String region, Optional<java.net.URI> endpoint,
                         Optional<Duration> retention, boolean createTable) {
    }

    /** Kinds of store. */
    public enum StoreKind { MEMORY, JDBC }

    /** Kinds of crawler launcher. */
    public enum LauncherKind { SIMULATED, KUBERNETES }

    /**
     * How the processor fires runs: in this process, or by calling OneTimeRun on a remote
     * scheduler service.
     *
     * @param target  a gRPC target ({@code host:port}, {@code dns:///host:port}); empty = in-process
     * @param token   the bearer token presented to it
     * @param trustCa present: TLS, trusting this CA (PEM)
     */
    public record Trigger(Optional<String> target, Optional<String> token, Optional<Path> trustCa) {
        public boolean inProcess() {
            return target.isEmpty();
        }

        @Override
        public String toString() { // the token stays out of logs
            return target.map(t -> "grpc " + t).orElse("in-process");
        }
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }

    /** Embedded store and simulated crawlers: the only shape in which authentication may be off. */
    public boolean embeddedDevelopment() {
        return store.embedded() && launcher == LauncherKind.SIMULATED;
    }

    /**
     * Whether this process launches, stops or follows crawlers: every role but a lone calculator
     * (which only writes runs), so a calculator needs no access to the cluster.
     */
    public boolean launchesCrawlers() {
        return runs(Role.API) || runs(Role.PROCESSOR) || runs(Role.RECONCILER);
    }

    public boolean authDisabled() {
        return authTokens.isEmpty();
    }
}
