package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.time.DurationText;
import com.grepsr.scheduler.domain.common.ServiceCode;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a crawler catalog from YAML or JSON text (a file, or a ConfigMap's data value).
 *
 * <pre>{@code
 * crawlers:
 *   amazon-products:                 # the report's service code
 *     image: registry.example.com/crawlers/amazon:1.4.2   # required
 *     command: ["java", "-jar", "/app/crawler.jar"]      # optional entrypoint override
 *     args: ["--mode=full"]                               # optional
 *     env: {LOG_LEVEL: info}                              # optional fixed env
 *     resources:                                          # optional
 *       requests: {cpu: 500m, memory: 512Mi}
 *       limits: {cpu: "2", memory: 2Gi}
 *     timeout: 4h            # default run time limit (as every duration: 30m, 4h; PT4H, 14400); default 6 hours
 *     settings:              # optional; keys as in CrawlerSettings
 *       serviceAccount: crawler
 *       nodeSelector: pool=crawlers
 *       tolerations: dedicated=crawlers:NoSchedule
 *       imagePullSecrets: regcred
 *       labels: team=data
 * }</pre>
 * Every entry is checked when read (unknown fields, missing image, bad quantities, unknown
 * settings), so a broken catalog fails at start-up with the entry and field named.
 */
public final class CrawlerCatalogDocument {

    private static final Set<String> FIELDS = Set.of("image", "command", "args", "env", "resources", "timeout", "settings");

    private CrawlerCatalogDocument() {
    }

    /**
     * @throws IllegalArgumentException naming the entry and field that is wrong
     */
    public static Map<ServiceCode, CrawlerSpec> parse(String text) {
        Object root;
        try {
            root = Serialization.unmarshal(text, Map.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("crawler catalog is not valid YAML or JSON: " + e.getMessage(), e);
        }
        Map<String, Object> top = map("catalog", root == null ? Map.of() : root);
        for (String key : top.keySet()) {
            if (!key.equals("crawlers")) {
                throw new IllegalArgumentException("crawler catalog: unknown top-level field '" + key + "' (expected 'crawlers')");
            }
        }
        Map<ServiceCode, CrawlerSpec> out = new LinkedHashMap<>();
        map("crawlers", top.getOrDefault("crawlers", Map.of())).forEach((code, entry) -> {
            String where = "crawlers." + code;
            try {
                out.put(ServiceCode.of(code), spec(where, map(where, entry)));
            } catch (com.grepsr.scheduler.domain.error.ValidationException e) {
                throw new IllegalArgumentException(where + ": not a valid service code: " + e.getMessage(), e);
            }
        });
        return Map.copyOf(out);
    }

    private static CrawlerSpec spec(String where, Map<String, Object> e) {
        for (String key : e.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown field '" + key + "'; known: " + FIELDS.stream().sorted().toList());
            }
        }
        Map<String, Object> resources = map(where + ".resources", e.getOrDefault("resources", Map.of()));
        Map<String, String> requests = strings(where + ".resources.requests", resources.getOrDefault("requests", Map.of()));
        Map<String, String> limits = strings(where + ".resources.limits", resources.getOrDefault("limits", Map.of()));
        Object timeout = e.get("timeout");
        Duration defaultTimeout;
        try {
            defaultTimeout = timeout == null ? null : DurationText.parse(String.valueOf(timeout));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ".timeout = '" + timeout + "': " + ex.getMessage(), ex);
        }
        CrawlerSpec spec = new CrawlerSpec(text(where + ".image", e.get("image")), list(where + ".command", e.get("command")),
                list(where + ".args", e.get("args")), strings(where + ".env", e.getOrDefault("env", Map.of())),
                requests.get("cpu"), requests.get("memory"), limits.get("cpu"), limits.get("memory"), defaultTimeout,
                strings(where + ".settings", e.getOrDefault("settings", Map.of())));
        try {
            JobManifest.validate(spec);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
        return spec;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String where, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": expected a mapping, got " + describe(value));
        }
        return (Map<String, Object>) m;
    }

    private static Map<String, String> strings(String where, Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        map(where, value).forEach((k, v) -> out.put(k, scalar(where + "." + k, v)));
        return out;
    }

    private static List<String> list(String where, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(where + ": expected a list, got " + describe(value));
        }
        return l.stream().map(v -> scalar(where + "[]", v)).toList();
    }

    private static String text(String where, Object value) {
        String s = value == null ? null : scalar(where, value);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(where + ": required");
        }
        return s;
    }

    private static String scalar(String where, Object value) {
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException(where + ": expected a plain value, got " + describe(value));
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value instanceof Map ? "a mapping" : value instanceof List ? "a list" : "'" + value + "'";
    }
}
