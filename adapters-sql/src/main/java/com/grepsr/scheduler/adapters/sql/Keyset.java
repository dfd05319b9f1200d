package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.error.ValidationException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination over a (first, id) sort key, both in one direction. The position condition
 * is spelled {@code a > x OR (a = x AND b > y)} rather than as a row comparison: every vendor
 * plans it as a range scan on the (…, a, b) index the list uses.
 */
final class Keyset {

    private Keyset() {
    }

    /** Rows strictly after ({@code descending}: before) the key ({@code a}, {@code b}). */
    static <A, B> Condition after(Field<A> a, A aValue, Field<B> b, B bValue, boolean descending) {
        if (descending) {
            return a.lt(aValue).or(a.eq(aValue).and(b.lt(bValue)));
        }
        return a.gt(aValue).or(a.eq(aValue).and(b.gt(bValue)));
    }

    static <A, B> List<SortField<?>> order(Field<A> a, Field<B> b, boolean descending) {
        return descending ? List.of(a.desc(), b.desc()) : List.of(a.asc(), b.asc());
    }

    /**
     * Cuts a page from rows fetched with {@code LIMIT size + 1}: the extra row only says that
     * there is a next page, whose token is the key of the page's last item.
     */
    static <R extends Record, T> Page<T> page(List<R> rows, PageRequest request, Function<R, T> map,
                                               Function<R, String[]> key) {
        List<R> window = new ArrayList<>(rows);
        String next = "";
        if (window.size() > request.size()) {
            window = window.subList(0, request.size());
            next = PageTokens.encode(key.apply(window.get(window.size() - 1)));
        }
        return new Page<>(window.stream().map(map).toList(), next);
    }

    static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** An id from a token, checked like every id so a forged one fails as the token. */
    static String id(String part) {
        try {
            return Checks.id("page_token", part);
        } catch (ValidationException e) {
            throw invalid();
        }
    }

    static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }


    private static ValidationException invalid() {
        return ValidationException.of("page_token", "is not a token this service issued (use next_page_token as given)");
    }
}
