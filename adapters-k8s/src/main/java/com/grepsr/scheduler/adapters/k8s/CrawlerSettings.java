package com.grepsr.scheduler.adapters.k8s;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes-specific part of a crawler catalog entry, read from {@code CrawlerSpec.settings}.
 * Values are strings so a catalog entry stays a flat map; lists are comma-separated.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>example</th></tr>
 * <tr><td>serviceAccount</td><td>{@code crawler}</td></tr>
 * <tr><td>nodeSelector</td><td>{@code pool=crawlers,disk=ssd}</td></tr>
 * <tr><td>tolerations</td><td>{@code dedicated=crawlers:NoSchedule,spot:NoExecute,gpu}
 *     ({@code key[=value][:effect]}; no value means operator Exists)</td></tr>
 * <tr><td>imagePullSecrets</td><td>{@code regcred,other}</td></tr>
 * <tr><td>labels</td><td>{@code team=data,tier=batch} (on the Job and its pods)</td></tr>
 * <tr><td>imagePullPolicy</td><td>{@code Always | IfNotPresent | Never}</td></tr>
 * <tr><td>priorityClassName</td><td>{@code batch-low}</td></tr>
 * <tr><td>backoffLimit</td><td>{@code 2} (overrides the adapter's default)</td></tr>
 * </table>
 * An unknown key is an error, so a typo in the catalog fails at load time instead of being ignored.
 */
public record CrawlerSettings(String serviceAccount, Map<String, String> nodeSelector, List<Toleration> tolerations,
                              List<LocalObjectReference> imagePullSecrets, Map<String, String> labels,
                              String imagePullPolicy, String priorityClassName, Integer backoffLimit) {

    /** Every key {@link #parse} accepts. */
    public static final Set<String> KEYS = Set.of("serviceAccount", "nodeSelector", "tolerations", "imagePullSecrets",
            "labels", "imagePullPolicy", "priorityClassName", "backoffLimit");
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    /**
     * @throws IllegalArgumentException for an unknown key or a malformed value, naming both
     */
    public static CrawlerSettings parse(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown crawler setting '" + key + "'; known: " + KEYS.stream().sorted().toList());
            }
        }
        String pullPolicy = blankToNull(settings.get("imagePullPolicy"));
        if (pullPolicy != null && !PULL_POLICIES.contains(pullPolicy)) {
            throw new IllegalArgumentException("imagePullPolicy must be one of " + PULL_POLICIES + ", was '" + pullPolicy + "'");
        }
        Map<String, String> labels = pairs("labels", settings.get("labels"));
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (JobLabels.reserved(e.getKey())) {
                throw new IllegalArgumentException("labels: '" + e.getKey() + "' is set by the scheduler itself");
            }
            if (!KubernetesNames.isValidLabelValue(e.getValue())) {
                throw new IllegalArgumentException("labels: '" + e.getValue() + "' is not a valid label value");
            }
        }
        return new CrawlerSettings(blankToNull(settings.get("serviceAccount")), pairs("nodeSelector", settings.get("nodeSelector")),
                tolerations(settings.get("tolerations")), pullSecrets(settings.get("imagePullSecrets")), labels,
                pullPolicy, blankToNull(settings.get("priorityClassName")), backoffLimit(settings.get("backoffLimit")));
    }

    private static Map<String, String> pairs(String key, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(key + ": expected key=value, got '" + item + "'");
            }
            out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return Map.copyOf(out);
    }

    private static List<Toleration> tolerations(String text) {
        List<Toleration> out = new ArrayList<>();
        for (String item : items(text)) {
            String effect = null;
            int colon = item.lastIndexOf(':');
            if (colon >= 0) {
                effect = item.substring(colon + 1).trim();
                item = item.substring(0, colon).trim();
                if (!EFFECTS.contains(effect)) {
                    throw new IllegalArgumentException("tolerations: effect must be one of " + EFFECTS + ", was '" + effect + "'");
                }
            }
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("tolerations: missing key in '" + item + "'");
            }
            TolerationBuilder b = new TolerationBuilder().withKey(key).withEffect(effect);
            out.add(eq < 0 ? b.withOperator("Exists").build()
                    : b.withOperator("Equal").withValue(item.substring(eq + 1).trim()).build());
        }
        return List.copyOf(out);
    }

    private static List<LocalObjectReference> pullSecrets(String text) {
        return items(text).stream().map(LocalObjectReference::new).toList();
    }

    private static Integer backoffLimit(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("backoffLimit must be a whole number ≥ 0, was '" + text + "'");
    }

    private static List<String> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
