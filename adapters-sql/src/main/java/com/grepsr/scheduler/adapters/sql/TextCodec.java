package com.grepsr.scheduler.adapters.sql;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Small values kept in one text column. Maps are form-urlencoded ({@code k=v&k2=v2}): exact for
 * any text, readable in a SQL console, and needing no JSON library (this module may depend only
 * on jOOQ, Flyway, HikariCP and drivers). Lists of ISO dates/instants, which hold no commas, are
 * comma-separated.
 */
final class TextCodec {

    private TextCodec() {
    }

    static String encodeMap(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> decodeMap(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return values;
    }

    static <T> String encodeList(Iterable<T> values) {
        StringBuilder b = new StringBuilder();
        for (T v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    static <T> List<T> decodeList(String text, Function<String, T> parse) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(parse).toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
