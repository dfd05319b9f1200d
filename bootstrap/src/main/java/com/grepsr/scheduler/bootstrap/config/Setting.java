package com.grepsr.scheduler.bootstrap.config;

/**
 * Every setting of the service, with its environment variable, its key in the optional
 * properties file and its default: the one table the README's table is generated from
 * ({@link SettingsTable}). An environment variable wins over the file, the file over the default.
 */
public enum Setting {
    CONFIG("PHOENIX_CONFIG", null, "",
            "a properties file with any of the keys below (also `--config FILE`)"),
    ROLE("PHOENIX_ROLE", "role", "all",
            "what this process runs: `all`, or a comma-separated list of `api`, `calculator`, `processor`, "
                    + "`reconciler`"),
    GRPC_PORT("PHOENIX_GRPC_PORT", "grpc.port", "50051", "gRPC port of the `api` role (`0` picks a free one)"),
    GRPC_BIND("PHOENIX_GRPC_BIND", "grpc.bind", "127.0.0.1",
            "address the gRPC server binds; `0.0.0.0` to accept remote clients"),
    AUTH_TOKENS("PHOENIX_API_TOKENS", "api.tokens", "",
            "bearer tokens, comma-separated `[NAME:]SECRET=admin` or `[NAME:]SECRET=account:ACCOUNT_ID` "
                    + "(secrets of 16+ characters without `:` or `,`); none = auth off, "
                    + "allowed only in the embedded development mode (embedded store, simulated launcher)"),
    CRAWLER_TOKEN_SECRET("PHOENIX_CRAWLER_TOKEN_SECRET", "crawler-token.secret", "",
            "server secret (32+ characters, the same on every replica) that signs each launched crawler's token "
                    + "(its env `TASK_TOKEN`), good only for reporting on its own task; none = crawlers get no "
                    + "token and crawler tokens are refused"),
    TLS_CERT("PHOENIX_TLS_CERT", "tls.cert", "", "PEM certificate chain; with `tls.key` the server speaks TLS"),
    TLS_KEY("PHOENIX_TLS_KEY", "tls.key", "", "PEM private key (PKCS#8) of `tls.cert`"),
    TLS_CLIENT_CA("PHOENIX_TLS_CLIENT_CA", "tls.client-ca", "",
            "PEM CA bundle; when set, clients must present a certificate it signed (mTLS)"),
    STORE("PHOENIX_DB_URL", "db.url", "jdbc:h2:file:./data/phoenix",
            "the store: a JDBC URL (`jdbc:postgresql:`, `jdbc:mysql:`, `jdbc:mariadb:`, or `jdbc:h2:file:PATH` "
                    + "— the embedded default, a file under `./data`), migrated on start; or `memory` (lost at exit)"),
    STORE_USER("PHOENIX_DB_USER", "db.user", "", "database user of a `jdbc:` store"),
    STORE_PASSWORD("PHOENIX_DB_PASSWORD", "db.password", "", "database password of a `jdbc:` store"),
    STORE_POOL_SIZE("PHOENIX_DB_POOL_SIZE", "db.pool-size", "10",
            "most connections this process keeps to a `jdbc:` store (HikariCP; its pool metrics are on `/metrics`)"),
    LAUNCHER("PHOENIX_LAUNCHER", "launcher", "simulated",
            "`simulated` (no crawler runs; each task succeeds after the simulated crawl time) or `kubernetes` "
                    + "(a batch/v1 Job per task, in the cluster of the kubeconfig or the pod)"),
    SIMULATED_CRAWL("PHOENIX_SIMULATED_CRAWL", "simulated.crawl", "30s",
            "how long a simulated crawl runs"),
    CATALOG_FILE("PHOENIX_CRAWLER_CATALOG_FILE", "catalog.file", "",
            "crawler catalog, YAML or JSON (`crawlers: {SERVICE_CODE: {image: …}}`, see `CrawlerCatalogDocument`), "
                    + "re-read when it changes; required with `kubernetes`; none with `simulated` = every service "
                    + "code runs the simulated crawler"),
    K8S_NAMESPACE("PHOENIX_K8S_NAMESPACE", "k8s.namespace", "",
            "namespace of the crawler Jobs; none = the kubeconfig's or the pod's"),
    K8S_INSTANCE("PHOENIX_K8S_INSTANCE", "k8s.instance", "default",
            "label value that keeps two schedulers in one namespace apart"),
    K8S_SCHEDULER_ADDRESS("PHOENIX_SCHEDULER_ADDRESS", "k8s.scheduler-address", "phoenix-api:50051",
            "gRPC address crawlers report their progress to (their env `SCHEDULER_ADDRESS`)"),
    K8S_QPS("PHOENIX_K8S_QPS", "k8s.qps", "20", "Kubernetes API requests per second"),
    K8S_BURST("PHOENIX_K8S_BURST", "k8s.burst", "40", "Kubernetes API request burst"),
    K8S_MAX_ATTEMPTS("PHOENIX_K8S_MAX_ATTEMPTS", "k8s.max-attempts", "5",
            "tries per Kubernetes API call (429, 5xx, connection errors)"),
    K8S_INITIAL_BACKOFF("PHOENIX_K8S_INITIAL_BACKOFF", "k8s.initial-backoff", "200ms",
            "first pause between Kubernetes API retries"),
    K8S_MAX_BACKOFF("PHOENIX_K8S_MAX_BACKOFF", "k8s.max-backoff", "10s", "longest pause between those retries"),
    K8S_JOB_BACKOFF_LIMIT("PHOENIX_K8S_JOB_BACKOFF_LIMIT", "k8s.job-backoff-limit", "0",
            "Job `backoffLimit`: pod retries before the task FAILED"),
    K8S_JOB_TTL("PHOENIX_K8S_JOB_TTL", "k8s.job-ttl", "1d", "Job `ttlSecondsAfterFinished`"),
    K8S_RESYNC("PHOENIX_K8S_RESYNC", "k8s.resync", "5m", "Job informer resync period"),
    K8S_LAUNCH_GRACE("PHOENIX_K8S_LAUNCH_GRACE", "k8s.launch-grace", "2m",
            "a Job just created but not yet seen by the informer counts as PENDING this long"),
    K8S_WORK_ITEM_ENV_LIMIT("PHOENIX_K8S_WORK_ITEM_ENV_LIMIT", "k8s.work-item-env-limit", "32768",
            "bytes of a work item passed as env `WORK_ITEM`; larger ones as a file"),
    HORIZON("PHOENIX_HORIZON", "daemon.horizon", "3d", "how far ahead the calculator materializes runs"),
    REFRESH_MARGIN("PHOENIX_REFRESH_MARGIN", "daemon.refresh-margin", "1h",
            "the calculator extends a schedule once its runs reach less than horizon − margin ahead"),
    MAX_RUNS_PER_TICK("PHOENIX_MAX_RUNS_PER_TICK", "daemon.max-runs-per-tick", "10000",
            "most runs one schedule gets per calculator tick"),
    CLAIM_BATCH("PHOENIX_CLAIM_BATCH", "daemon.claim-batch", "200",
            "most due runs one processor tick claims, in chunks of 50 launched at the same time, each chunk"
                    + " its own transaction and pool connection (keep `PHOENIX_DB_POOL_SIZE` above claim batch ÷ 50)"),
    CLAIM_LEASE("PHOENIX_CLAIM_LEASE", "daemon.claim-lease", "60s",
            "how long a claim lasts before a dead processor's runs are claimable again"),
    MAX_SLEEP("PHOENIX_MAX_SLEEP", "daemon.max-sleep", "5s", "longest a daemon sleeps between ticks"),
    LOST_GRACE("PHOENIX_LOST_GRACE", "daemon.lost-grace", "2m",
            "how long a launch may be unknown to the launcher before its task is LOST"),
    MAX_CATCH_UP("PHOENIX_MAX_CATCH_UP", "daemon.max-catch-up", "7d",
            "how far back the calculator materializes occurrences after an outage"),
    REQUEST_ID_RETENTION("PHOENIX_REQUEST_ID_RETENTION", "daemon.request-id-retention", "24h",
            "how long a client's `request_id` is remembered (at least 24h): a retry within it gets the first answer"),
    RETENTION_RUNS("PHOENIX_RETENTION_RUNS", "retention.runs", "90d",
            "the reconciler deletes settled scheduled runs due longer ago than this; `off` keeps them forever"),
    RETENTION_TASKS("PHOENIX_RETENTION_TASKS", "retention.tasks", "90d",
            "the reconciler deletes finished tasks (a parent with its children) and their history this long after "
                    + "they finished; `off` keeps them forever"),
    RETENTION_EVENTS("PHOENIX_RETENTION_EVENTS", "retention.events", "7d",
            "the reconciler deletes activity events delivered to the feed this long after they occurred; `off` "
                    + "keeps them forever"),
    TRIGGER("PHOENIX_PROCESSOR_TRIGGER", "processor.trigger", "in-process",
            "how the processor fires due runs: `in-process` (OneTimeRun in this process), or the gRPC target "
                    + "of a scheduler service (`scheduler-api:50051`) whose OneTimeRun it calls"),
    TRIGGER_TOKEN("PHOENIX_PROCESSOR_TOKEN", "processor.token", "",
            "bearer token (an admin's) the processor presents to a remote scheduler service"),
    TRIGGER_CA("PHOENIX_PROCESSOR_TLS_CA", "processor.tls-ca", "",
            "PEM CA of the remote scheduler service's certificate; set = the processor connects with TLS"),
    DYNAMO_TABLE("PHOENIX_DYNAMO_TABLE", "dynamo.table", "",
            "DynamoDB table of activity events; set = the `reconciler` role relays the outbox there; none = "
                    + "events stay in the store's outbox"),
    DYNAMO_REGION("PHOENIX_DYNAMO_REGION", "dynamo.region", "",
            "AWS region of the table (required with a table, unless an endpoint is given); credentials come "
                    + "from the default AWS chain"),
    DYNAMO_ENDPOINT("PHOENIX_DYNAMO_ENDPOINT", "dynamo.endpoint", "",
            "endpoint of a local DynamoDB-protocol server (dynalite, DynamoDB Local), with dummy keys"),
    DYNAMO_RETENTION("PHOENIX_DYNAMO_RETENTION", "dynamo.retention", "",
            "how long the feed keeps an event (TTL, at least `1d`); none = forever"),
    DYNAMO_CREATE_TABLE("PHOENIX_DYNAMO_CREATE_TABLE", "dynamo.create-table", "false",
            "`true` creates the table at start unless it exists"),
    REPLICA("PHOENIX_REPLICA", "replica", "",
            "name of this process in run claims; none = host name and process id"),
    METRICS_PORT("PHOENIX_METRICS_PORT", "metrics.port", "9464",
            "Prometheus scrape endpoint `/metrics`; `0` picks a free port, `off` disables it"),
    METRICS_BIND("PHOENIX_METRICS_BIND", "metrics.bind", "127.0.0.1", "address the metrics endpoint binds"),
    WEB_PORT("PHOENIX_WEB_PORT", "web.port", "8080",
            "the `api` role's web dashboard; `0` picks a free port, `off` disables it"),
    WEB_BIND("PHOENIX_WEB_BIND", "web.bind", "127.0.0.1", "address the web dashboard binds"),
    SHUTDOWN_GRACE("PHOENIX_SHUTDOWN_GRACE", "shutdown.grace", "30s",
            "how long a stopping API waits for in-flight gRPC calls (a daemon always finishes its tick)"),
    LOG_LEVEL("PHOENIX_LOG_LEVEL", "log.level", "INFO", "root log level: ERROR, WARN, INFO, DEBUG or TRACE"),
    LOG_FORMAT("PHOENIX_LOG_FORMAT", "log.format", "text",
            "`text` (one human-readable line an event) or `json` (one JSON object a line, ids as fields)");

    private final String env;
    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String env, String key, String defaultValue, String description) {
        this.env = env;
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String env() { return env; }

    /** The key in the properties file; null for the setting that names the file. */
    public String key() { return key; }

    /** The default as text; empty means none. */
    public String defaultValue() { return defaultValue; }

    public String description() { return description; }

    /** How this setting is named in an error message. */
    public String label() {
        return key == null ? env : env + " (" + key + ")";
    }
}
