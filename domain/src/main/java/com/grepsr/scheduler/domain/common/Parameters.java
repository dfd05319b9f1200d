package com.grepsr.scheduler.domain.common;

import com.grepsr.scheduler.domain.error.ValidationException;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Key/value inputs a crawler reads (e.g. a product category). Set on a schedule and overridable
 * for a single run: {@link #overriddenBy(Parameters)}. Bounded so a client cannot make a row or a
 * Job manifest absurdly large.
 */
public record Parameters(Map<String, String> values) {

    public static final int MAX_ENTRIES = 100;
    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 4096;
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    public static final Parameters NONE = new Parameters(Map.of());

    public Parameters {
        values = values == null ? Map.of() : values;
        if (values.size() > MAX_ENTRIES) {
            throw ValidationException.of("parameters", "at most " + MAX_ENTRIES + " entries, got " + values.size());
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (key == null || key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
                throw ValidationException.of("parameters", "key '" + abbreviate(key)
                        + "' must be 1-" + MAX_KEY_LENGTH + " letters, digits, _ . - starting with a letter or _");
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.length() > MAX_VALUE_LENGTH) {
                throw ValidationException.of("parameters." + key, "value must be at most " + MAX_VALUE_LENGTH + " characters");
            }
            if (value.indexOf('\0') >= 0) {
                throw ValidationException.of("parameters." + key, "value must not contain NUL");
            }
            sorted.put(key, value);
        }
        values = java.util.Collections.unmodifiableMap(sorted);
    }

    public static Parameters of(Map<String, String> values) {
        return new Parameters(values);
    }

    /** These parameters with {@code overrides} taking precedence key by key. */
    public Parameters overriddenBy(Parameters overrides) {
        if (overrides == null || overrides.values.isEmpty()) {
            return this;
        }
        TreeMap<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides.values);
        return new Parameters(merged);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
