package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.application.time.DurationText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the Kubernetes adapter runs crawlers. Built with {@link #builder()} or read from the
 * environment with {@link #fromEnvironment(Map)}; every setting has a default, so an empty
 * environment gives a working adapter against the cluster found by kubeconfig or in-cluster
 * configuration.
 *
 * <table>
 * <caption>Environment variables read by {@link #fromEnvironment(Map)}</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>PHOENIX_K8S_NAMESPACE</td><td>kubeconfig / in-cluster namespace</td><td>where Jobs run</td></tr>
 * <tr><td>PHOENIX_K8S_INSTANCE</td><td>default</td><td>label value that separates two schedulers in one namespace</td></tr>
 * <tr><td>PHOENIX_SCHEDULER_ADDRESS</td><td>phoenix-api:50051</td><td>gRPC address crawlers report to (env SCHEDULER_ADDRESS)</td></tr>
 * <tr><td>PHOENIX_K8S_QPS / PHOENIX_K8S_BURST</td><td>20 / 40</td><td>API request rate limit</td></tr>
 * <tr><td>PHOENIX_K8S_MAX_ATTEMPTS</td><td>5</td><td>tries per API call (429, 5xx, connection errors)</td></tr>
 * <tr><td>PHOENIX_K8S_INITIAL_BACKOFF / PHOENIX_K8S_MAX_BACKOFF</td><td>200ms / 10s</td><td>retry pauses</td></tr>
 * <tr><td>PHOENIX_K8S_JOB_BACKOFF_LIMIT</td><td>0</td><td>Job {@code backoffLimit}: pod retries before FAILED</td></tr>
 * <tr><td>PHOENIX_K8S_JOB_TTL</td><td>1d</td><td>Job {@code ttlSecondsAfterFinished}</td></tr>
 * <tr><td>PHOENIX_K8S_RESYNC</td><td>5m</td><td>informer resync period</td></tr>
 * <tr><td>PHOENIX_K8S_LAUNCH_GRACE</td><td>2m</td><td>a Job just created but not yet in the cache counts as PENDING this long</td></tr>
 * <tr><td>PHOENIX_K8S_WORK_ITEM_ENV_LIMIT</td><td>32768</td><td>bytes of work item passed as env WORK_ITEM; larger ones as a file</td></tr>
 * <tr><td>PHOENIX_CRAWLER_CATALOG_FILE</td><td>none</td><td>crawler catalog file (YAML or JSON), e.g. a
 *     mounted ConfigMap: mounting needs no API permission, reading it through the API would</td></tr>
 * </table>
 * Durations are written as every setting's are ({@link DurationText}): {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h}, {@code 3d}; ISO-8601 ({@code PT30S}) and bare seconds ({@code 30}) also work.
 * A value that does not parse fails with an {@link InvalidVariableException} naming its variable.
 *
 * <p>{@code crawlerTokens} signs the token each Job is handed (env TASK_TOKEN) to report on its own
 * task; it comes from the server secret, not from this adapter's variables, so it is set with
 * {@link #withCrawlerTokens} or the builder (default: disabled, no token).
 */
public record KubernetesSettings(String namespace, String instance, String schedulerAddress, double qps, int burst,
                                 int maxAttempts, Duration initialBackoff, Duration maxBackoff, int jobBackoffLimit,
                                 Duration jobTtlAfterFinished, Duration resync, Duration launchGrace,
                                 int workItemEnvLimitBytes, Path catalogFile, CrawlerTokens crawlerTokens) {

    /** Use {@link #builder()}: the canonical constructor is for the builder and for copies. */
    public KubernetesSettings {
        if (instance == null || !KubernetesNames.isValidLabelValue(instance) || instance.isEmpty()) {
            throw new IllegalArgumentException("instance must be a non-empty label value, was '" + instance + "'");
        }
        if (jobBackoffLimit < 0 || workItemEnvLimitBytes < 0) {
            throw new IllegalArgumentException("jobBackoffLimit and workItemEnvLimitBytes must not be negative");
        }
        new ApiCalls.RetryPolicy(maxAttempts, initialBackoff, maxBackoff); // validates
        new TokenBucket(qps, burst, () -> 0L, TokenBucket.Sleeper.SYSTEM); // validates
        crawlerTokens = crawlerTokens == null ? CrawlerTokens.disabled() : crawlerTokens;
    }

    /** These settings, signing crawler tokens with {@code tokens}. */
    public KubernetesSettings withCrawlerTokens(CrawlerTokens tokens) {
        return new KubernetesSettings(namespace, instance, schedulerAddress, qps, burst, maxAttempts, initialBackoff,
                maxBackoff, jobBackoffLimit, jobTtlAfterFinished, resync, launchGrace, workItemEnvLimitBytes,
                catalogFile, tokens);
    }

    /** The namespace, if configured; otherwise the client's (kubeconfig or in-cluster). */
    public Optional<String> configuredNamespace() {
        return Optional.ofNullable(namespace).filter(n -> !n.isBlank());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the variables listed in the class comment; missing ones take their defaults. */
    public static KubernetesSettings fromEnvironment(Map<String, String> env) {
        Builder b = builder();
        Variables v = new Variables(env);
        v.text("PHOENIX_K8S_NAMESPACE", x -> b.namespace = x);
        v.text("PHOENIX_K8S_INSTANCE", x -> b.instance = x);
        v.text("PHOENIX_SCHEDULER_ADDRESS", x -> b.schedulerAddress = x);
        v.read("PHOENIX_K8S_QPS", Double::parseDouble, x -> b.qps = x);
        v.read("PHOENIX_K8S_BURST", Integer::parseInt, x -> b.burst = x);
        v.read("PHOENIX_K8S_MAX_ATTEMPTS", Integer::parseInt, x -> b.maxAttempts = x);
        v.read("PHOENIX_K8S_INITIAL_BACKOFF", DurationText::parse, x -> b.initialBackoff = x);
        v.read("PHOENIX_K8S_MAX_BACKOFF", DurationText::parse, x -> b.maxBackoff = x);
        v.read("PHOENIX_K8S_JOB_BACKOFF_LIMIT", Integer::parseInt, x -> b.jobBackoffLimit = x);
        v.read("PHOENIX_K8S_JOB_TTL", DurationText::parse, x -> b.jobTtlAfterFinished = x);
        v.read("PHOENIX_K8S_RESYNC", DurationText::parse, x -> b.resync = x);
        v.read("PHOENIX_K8S_LAUNCH_GRACE", DurationText::parse, x -> b.launchGrace = x);
        v.read("PHOENIX_K8S_WORK_ITEM_ENV_LIMIT", Integer::parseInt, x -> b.workItemEnvLimitBytes = x);
        v.read("PHOENIX_CRAWLER_CATALOG_FILE", Path::of, x -> b.catalogFile = x);
        return b.build();
    }

    /** A variable whose value does not parse; the message names it, {@link #reason()} says what is expected. */
    public static final class InvalidVariableException extends IllegalArgumentException {
        private final String reason;

        InvalidVariableException(String variable, String value, String reason, Throwable cause) {
            super(variable + " = '" + value + "': " + reason, cause);
            this.reason = reason;
        }

        /** What is wrong with the value, without the variable's name (for a caller that names it its own way). */
        public String reason() {
            return reason;
        }
    }

    /** The set, non-blank variables of an environment, parsed one by one so a failure names its variable. */
    private record Variables(Map<String, String> env) {
        void text(String name, Consumer<String> into) {
            read(name, Function.identity(), into);
        }

        <T> void read(String name, Function<String, T> parser, Consumer<T> into) {
            String value = Optional.ofNullable(env.get(name)).map(String::trim).orElse("");
            if (value.isEmpty()) {
                return;
            }
            T parsed;
            try {
                parsed = parser.apply(value);
            } catch (NumberFormatException e) {
                throw new InvalidVariableException(name, value, "expected a number", e);
            } catch (IllegalArgumentException e) {
                throw new InvalidVariableException(name, value, e.getMessage(), e);
            }
            into.accept(parsed);
        }
    }

    /** Collects settings; every field starts at its documented default. */
    public static final class Builder {
        private String namespace;
        private String instance = "default";
        private String schedulerAddress = "phoenix-api:50051";
        private double qps = 20;
        private int burst = 40;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private int jobBackoffLimit = 0;
        private Duration jobTtlAfterFinished = Duration.ofDays(1);
        private Duration resync = Duration.ofMinutes(5);
        private Duration launchGrace = Duration.ofMinutes(2);
        private int workItemEnvLimitBytes = 32 * 1024;
        private Path catalogFile;
        private CrawlerTokens crawlerTokens = CrawlerTokens.disabled();

        private Builder() {
        }

        public Builder namespace(String v) { namespace = v; return this; }
        public Builder instance(String v) { instance = v; return this; }
        public Builder schedulerAddress(String v) { schedulerAddress = v; return this; }
        public Builder rateLimit(double perSecond, int burstSize) { qps = perSecond; burst = burstSize; return this; }
        public Builder retries(int attempts, Duration initial, Duration max) {
            maxAttempts = attempts;
            initialBackoff = initial;
            maxBackoff = max;
            return this;
        }
        public Builder jobBackoffLimit(int v) { jobBackoffLimit = v; return this; }
        /** Null keeps finished Jobs until someone deletes them. */
        public Builder jobTtlAfterFinished(Duration v) { jobTtlAfterFinished = v; return this; }
        public Builder resync(Duration v) { resync = v; return this; }
        public Builder launchGrace(Duration v) { launchGrace = v; return this; }
        public Builder workItemEnvLimitBytes(int v) { workItemEnvLimitBytes = v; return this; }
        public Builder catalogFile(Path v) { catalogFile = v; return this; }
        public Builder crawlerTokens(CrawlerTokens v) { crawlerTokens = v; return this; }

        public KubernetesSettings build() {
            return new KubernetesSettings(namespace, instance, schedulerAddress, qps, burst, maxAttempts, initialBackoff,
                    maxBackoff, jobBackoffLimit, jobTtlAfterFinished, resync, launchGrace, workItemEnvLimitBytes,
                    catalogFile, crawlerTokens);
        }
    }
}
