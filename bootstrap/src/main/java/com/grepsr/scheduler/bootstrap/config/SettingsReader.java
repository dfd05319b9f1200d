package com.grepsr.scheduler.bootstrap.config;

import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.reconcile.RetentionSettings;
import com.grepsr.scheduler.bootstrap.config.Settings.Tls;
import com.grepsr.scheduler.bootstrap.config.Settings.Trigger;
import com.grepsr.scheduler.adapters.k8s.KubernetesSettings;
import com.grepsr.scheduler.application.model.CrawlerTokens;
import com.grepsr.scheduler.bootstrap.config.Settings.Endpoint;
import com.grepsr.scheduler.bootstrap.config.Settings.Store;
import com.grepsr.scheduler.bootstrap.config.Settings.StoreKind;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@link Settings} from environment variables and an optional properties file, checking
 * every value and reporting all problems together in one {@link SettingsException}.
 */
public final class SettingsReader {

    private final Map<String, String> env;
    private final Properties file;
    private final SettingValues values;

    private SettingsReader(Map<String, String> env, Properties file, List<String> problems) {
        this.env = env;
        this.file = file;
        this.values = new SettingValues(this::raw, problems);
    }

    /**
     * @param env        the environment ({@code System.getenv()})
     * @param configFile the file given on the command line; wins over {@code PHOENIX_CONFIG}
     * @throws SettingsException listing every bad value
     */
    public static Settings read(Map<String, String> env, Optional<Path> configFile) {
        List<String> problems = new ArrayList<>();
        Optional<Path> path = configFile.or(() -> Optional.ofNullable(env.get(Setting.CONFIG.env()))
                .filter(s -> !s.isBlank()).map(Path::of));
        Properties file = path.map(p -> load(p, problems)).orElseGet(Properties::new);
        SettingsReader reader = new SettingsReader(env, file, problems);
        Settings settings = reader.parse();
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return settings;
    }

    /** {@code PHOENIX_…} variables that name no setting: likely typos, worth a warning. */
    public static List<String> unknownVariables(Map<String, String> env, Set<String> alsoKnown) {
        Set<String> known = Arrays.stream(Setting.values()).map(Setting::env).collect(Collectors.toSet());
        return env.keySet().stream().filter(k -> k.startsWith("PHOENIX_"))
                .filter(k -> !known.contains(k) && !alsoKnown.contains(k)).sorted().toList();
    }

    private static Properties load(Path path, List<String> problems) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            problems.add("PHOENIX_CONFIG: cannot read " + path + " (" + e.getMessage() + ")");
            return p;
        }
        Set<String> keys = Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.toSet());
        p.stringPropertyNames().stream().filter(k -> !keys.contains(k)).sorted().forEach(k -> problems.add(
                path + ": unknown key '" + k + "' (see the settings table in the README)"));
        return p;
    }

    private String raw(Setting s) {
        String v = env.get(s.env());
        if (v == null && s.key() != null) {
            v = file.getProperty(s.key());
        }
        return v == null ? s.defaultValue() : v.trim();
    }

    private Settings parse() {
        var roles = values.parse(Setting.ROLE, Role::parse, Set.<Role>of());
        var grpc = new Endpoint(values.text(Setting.GRPC_BIND), values.port(Setting.GRPC_PORT).orElse(0));
        var tokens = values.parse(Setting.AUTH_TOKENS, AuthTokens::parse, List.<Settings.AuthToken>of());
        var crawlerTokens = values.parse(Setting.CRAWLER_TOKEN_SECRET,
                s -> s.isBlank() ? CrawlerTokens.disabled() : CrawlerTokens.withSecret(s), CrawlerTokens.disabled());
        var store = store();
        var launcher = values.choice(Setting.LAUNCHER, Settings.LauncherKind.class, Settings.LauncherKind.SIMULATED);
        var crawl = values.duration(Setting.SIMULATED_CRAWL);
        var daemons = daemons();
        var trigger = trigger();
        String replica = values.optional(Setting.REPLICA).orElseGet(SettingsReader::defaultReplica);
        var metrics = values.port(Setting.METRICS_PORT).map(port -> new Endpoint(values.text(Setting.METRICS_BIND), port));
        var web = values.port(Setting.WEB_PORT).map(port -> new Endpoint(values.text(Setting.WEB_BIND), port));
        var grace = values.duration(Setting.SHUTDOWN_GRACE);
        String level = values.parse(Setting.LOG_LEVEL, SettingsReader::logLevel, "INFO");
        Optional<Path> catalog = values.existingFile(Setting.CATALOG_FILE);
        Optional<KubernetesSettings> kubernetes = launcher == Settings.LauncherKind.KUBERNETES
                ? kubernetes(catalog).map(k -> k.withCrawlerTokens(crawlerTokens)) : Optional.empty();
        Settings settings = new Settings(roles, grpc, tokens, crawlerTokens, tls(), store, launcher, crawl, catalog, kubernetes,
                daemons, retention(), trigger, dynamo(), replica, metrics, web, grace, level,
                values.choice(Setting.LOG_FORMAT, Settings.LogFormat.class, Settings.LogFormat.TEXT));
        if (settings.runs(Role.API) && settings.authDisabled() && !settings.embeddedDevelopment()) {
            values.problem(Setting.AUTH_TOKENS.label() + ": required unless the store is embedded and the launcher "
                    + "simulated (authentication may be off only in the embedded development mode)");
        }
        return settings;
    }

    private Store store() {
        String text = values.text(Setting.STORE);
        Optional<String> user = values.optional(Setting.STORE_USER);
        Optional<String> password = values.optional(Setting.STORE_PASSWORD);
        int pool = values.positiveInt(Setting.STORE_POOL_SIZE, 1_000);
        if (text.equalsIgnoreCase("memory")) {
            return new Store(StoreKind.MEMORY, "memory", user, password, pool);
        }
        if (!text.startsWith("jdbc:") || text.length() < "jdbc:x:".length()) {
            values.problem(Setting.STORE.label() + " = '" + text + "': expected 'memory' or a JDBC URL such as "
                    + "jdbc:postgresql://db:5432/phoenix or jdbc:h2:file:./data/phoenix");
            return new Store(StoreKind.MEMORY, "memory", user, password, pool);
        }
        return new Store(StoreKind.JDBC, text, user, password, pool);
    }

    private Optional<Tls> tls() {
        Optional<Path> cert = values.existingFile(Setting.TLS_CERT);
        Optional<Path> key = values.existingFile(Setting.TLS_KEY);
        Optional<Path> ca = values.existingFile(Setting.TLS_CLIENT_CA);
        if (cert.isPresent() != key.isPresent()) {
            values.problem(Setting.TLS_CERT.label() + " and " + Setting.TLS_KEY.label() + ": give both or neither");
            return Optional.empty();
        }
        if (ca.isPresent() && cert.isEmpty()) {
            values.problem(Setting.TLS_CLIENT_CA.label() + ": mTLS needs the server's own certificate and key too");
        }
        return cert.map(c -> new Tls(c, key.get(), ca));
    }

    private DaemonSettings daemons() {
        int before = values.problems();
        var horizon = values.duration(Setting.HORIZON);
        var margin = values.duration(Setting.REFRESH_MARGIN);
        int maxRuns = values.positiveInt(Setting.MAX_RUNS_PER_TICK, 1_000_000);
        int batch = values.positiveInt(Setting.CLAIM_BATCH, 10_000);
        var lease = values.duration(Setting.CLAIM_LEASE);
        var sleep = values.duration(Setting.MAX_SLEEP);
        var grace = values.duration(Setting.LOST_GRACE);
        var catchUp = values.duration(Setting.MAX_CATCH_UP);
        var requestIds = values.duration(Setting.REQUEST_ID_RETENTION);
        if (values.problems() > before) {
            return DaemonSettings.DEFAULTS; // already reported; the placeholders would only add noise
        }
        try {
            return new DaemonSettings(horizon, margin, maxRuns, batch, lease, sleep, grace, catchUp, requestIds);
        } catch (IllegalArgumentException e) {
            values.problem("daemon settings (PHOENIX_HORIZON, PHOENIX_REFRESH_MARGIN …): " + e.getMessage());
            return DaemonSettings.DEFAULTS;
        }
    }

    private RetentionSettings retention() {
        return new RetentionSettings(values.retention(Setting.RETENTION_RUNS), values.retention(Setting.RETENTION_TASKS),
                values.retention(Setting.RETENTION_EVENTS), RetentionSettings.DEFAULTS.batch());
    }

    private Trigger trigger() {
        String text = values.text(Setting.TRIGGER);
        Optional<String> token = values.optional(Setting.TRIGGER_TOKEN);
        Optional<Path> ca = values.existingFile(Setting.TRIGGER_CA);
        if (text.equalsIgnoreCase("in-process")) {
            return new Trigger(Optional.empty(), token, ca);
        }
        if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
            values.problem(Setting.TRIGGER.label() + " = '" + text + "': expected 'in-process' or a gRPC target "
                    + "such as scheduler-api:50051");
        }
        return new Trigger(Optional.of(text), token, ca);
    }

    /** The adapter reads its own variables; here they come from the same env, file and defaults as every setting. */
    private Optional<KubernetesSettings> kubernetes(Optional<Path> catalog) {
        if (catalog.isEmpty()) {
            values.problem(Setting.CATALOG_FILE.label() + ": required with the kubernetes launcher (which crawler "
                    + "image runs for which service code)");
        }
        Map<String, String> resolved = new java.util.HashMap<>();
        int before = values.problems();
        for (Setting s : Setting.values()) {
            if (s.name().startsWith("K8S_")) {
                try { // one at a time first, so a bad value is reported under its own name
                    KubernetesSettings.fromEnvironment(Map.of(s.env(), raw(s)));
                } catch (KubernetesSettings.InvalidVariableException e) {
                    values.problem(s.label() + " = '" + raw(s) + "': " + e.reason());
                } catch (RuntimeException e) {
                    values.problem(s.label() + " = '" + raw(s) + "': " + e.getMessage());
                }
                resolved.put(s.env(), raw(s));
            }
        }
        catalog.ifPresent(c -> resolved.put(Setting.CATALOG_FILE.env(), c.toString()));
        if (values.problems() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(KubernetesSettings.fromEnvironment(resolved));
        } catch (RuntimeException e) { // number, duration and range errors of PHOENIX_K8S_* alike
            values.problem("Kubernetes settings (PHOENIX_K8S_*): " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Settings.Dynamo> dynamo() {
        Optional<String> table = values.optional(Setting.DYNAMO_TABLE);
        Optional<String> region = values.optional(Setting.DYNAMO_REGION);
        Optional<java.net.URI> endpoint = values.optional(Setting.DYNAMO_ENDPOINT).flatMap(e -> {
            try {
                java.net.URI uri = java.net.URI.create(e);
                if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            values.problem(Setting.DYNAMO_ENDPOINT.label() + " = '" + e + "': expected http(s)://host:port");
            return Optional.empty();
        });
        Optional<Duration> retention = values.optional(Setting.DYNAMO_RETENTION)
                .map(r -> values.duration(Setting.DYNAMO_RETENTION));
        boolean create = values.parse(Setting.DYNAMO_CREATE_TABLE, SettingsReader::bool, false);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        if (!table.get().matches("[A-Za-z0-9_.-]{3,255}")) {
            values.problem(Setting.DYNAMO_TABLE.label() + " = '" + table.get() + "': 3-255 of A-Z a-z 0-9 _ . -");
        }
        if (region.isEmpty() && endpoint.isEmpty()) {
            values.problem(Setting.DYNAMO_REGION.label() + ": required with a DynamoDB table (or give an endpoint)");
        }
        if (retention.isPresent() && retention.get().compareTo(Duration.ofDays(1)) < 0) {
            values.problem(Setting.DYNAMO_RETENTION.label() + ": at least 1d");
        }
        return Optional.of(new Settings.Dynamo(table.get(), region.orElse("us-east-1"), endpoint, retention, create));
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0", "" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static String logLevel(String text) {
        String l = text.toUpperCase(Locale.ROOT);
        if (!List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(l)) {
            throw new IllegalArgumentException("expected ERROR, WARN, INFO, DEBUG or TRACE");
        }
        return l;
    }

    private static String defaultReplica() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
