package com.grepsr.scheduler.adapters.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Links to a page with query parameters (filters and the next page token), empty ones left out. */
final class Links {

    private Links() {
    }

    static String with(String path, String... namesAndValues) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                query.add(namesAndValues[i] + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.length() == 0 ? path : path + "?" + query;
    }

    /** One path segment (an id), encoded so it cannot add a path or a query. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
