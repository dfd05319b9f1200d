package com.grepsr.scheduler.application.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A stable hash of a command's content: equal commands hash alike in every replica and after a
 * restart, so a retried request is recognised as the same one. Records are walked component by
 * component and sets and maps sorted, because their own {@code toString} follows iteration order,
 * which for {@code Set.of} changes from one JVM to the next.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    /** SHA-256, in hex, of the canonical text of {@code command} without its {@code skipped} component. */
    static String of(Record command, String skipped) {
        return sha256(canonical(command, skipped));
    }

    static String canonical(Object value, String skipped) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Record r) {
            StringBuilder text = new StringBuilder(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (!c.getName().equals(skipped)) {
                    text.append(c.getName()).append('=').append(canonical(read(r, c), null)).append(';');
                }
            }
            return text.append(')').toString();
        }
        if (value instanceof Optional<?> o) {
            return o.map(v -> "some(" + canonical(v, null) + ")").orElse("none");
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(v -> canonical(v, null)).sorted().collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(v -> canonical(v, null)).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(canonical(k, null), canonical(v, null)));
            return sorted.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        // strings, numbers, java.time values: their text is their value
        return quoted(value.toString());
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }

    /** Quoting keeps {@code "a,b"} apart from the two values {@code a} and {@code b}. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

}
