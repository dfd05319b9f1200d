package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.domain.task.TaskId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns scheduler values into names Kubernetes accepts. Every function is deterministic, so the
 * same task always yields the same Job name (the launcher's idempotence rests on it), and a value
 * that had to be changed gets a hash of the original appended, so two different values never
 * collapse into one name.
 */
public final class KubernetesNames {

    /** Longest Job name: Kubernetes copies it into the pods' {@code job-name} label (≤ 63). */
    public static final int MAX_NAME = 63;
    /** Longest label value. */
    public static final int MAX_LABEL_VALUE = 63;
    static final String JOB_PREFIX = "crawl-";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    private static final int HASH_CHARS = 10;

    private KubernetesNames() {
    }

    /**
     * The Job name of a task: {@code crawl-<task id>} when the id is already a valid lowercase
     * DNS-1123 label (our ULIDs are), otherwise the id sanitized and shortened plus a hash of the
     * exact id.
     */
    public static String jobName(TaskId taskId) {
        String id = taskId.value();
        String plain = JOB_PREFIX + id;
        if (plain.length() <= MAX_NAME && DNS_LABEL.matcher(plain).matches()) {
            return plain;
        }
        String cleaned = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        String suffix = "-" + hash(id);
        int room = MAX_NAME - JOB_PREFIX.length() - suffix.length();
        String head = trimDashes(cleaned.length() > room ? cleaned.substring(0, room) : cleaned);
        return head.isEmpty() ? JOB_PREFIX + hash(id) : JOB_PREFIX + head + suffix;
    }

    /** Whether {@code name} is a valid Job name as {@link #jobName} makes them. */
    public static boolean isValidJobName(String name) {
        return name != null && name.length() <= MAX_NAME && DNS_LABEL.matcher(name).matches();
    }

    /**
     * A label value standing for {@code value}: the value itself when it is valid label syntax,
     * else a sanitized, shortened form plus a hash of the exact value. Labels are for selecting;
     * the exact value goes into an annotation.
     */
    public static String labelValue(String value) {
        if (value.length() <= MAX_LABEL_VALUE && LABEL_VALUE.matcher(value).matches()) {
            return value;
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]+", "_");
        String suffix = "_" + hash(value);
        int room = MAX_LABEL_VALUE - suffix.length();
        String head = trimToAlphanumeric(cleaned.length() > room ? cleaned.substring(0, room) : cleaned);
        return head.isEmpty() ? hash(value) : head + suffix;
    }

    /** Whether {@code value} is valid label-value syntax. */
    public static boolean isValidLabelValue(String value) {
        return value != null && value.length() <= MAX_LABEL_VALUE && LABEL_VALUE.matcher(value).matches();
    }

    /**
     * An environment variable name for a crawler parameter: {@code PARAM_} plus the key upper-cased
     * with every character outside {@code [A-Z0-9_]} turned into {@code _}. Different keys can
     * map to one name ({@code a.b}, {@code a-b}); the caller detects that.
     */
    public static String parameterEnvName(String key) {
        return "PARAM_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String trimDashes(String s) {
        return s.replaceAll("^-+|-+$", "");
    }

    private static String trimToAlphanumeric(String s) {
        return s.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }
}
