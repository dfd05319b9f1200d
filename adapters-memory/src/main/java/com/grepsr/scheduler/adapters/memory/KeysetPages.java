package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Keyset pagination over an in-memory stream: sort, skip past the token's key, take a page. */
final class KeysetPages {

    private KeysetPages() {
    }

    /**
     * @param items    the matching items, any order
     * @param order    the list's total order
     * @param key      an item's sort key as token parts
     * @param keyParts how many parts a key has
     * @param isAfter  given a decoded key, whether an item comes after it in {@code order}
     */
    /**
     * Reads one part of a decoded token key. A token that decodes but holds nonsense (forged, or
     * from another list) fails as the page token, not as whatever value it failed to parse.
     */
    static <R> R keyPart(Supplier<R> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            throw ValidationException.of("page_token", "is not a token this service issued (use next_page_token as given)");
        }
    }

    static <T> Page<T> page(Stream<T> items, Comparator<T> order, Function<T, String[]> key, int keyParts,
                            Function<List<String>, Predicate<T>> isAfter, PageRequest request) {
        Stream<T> sorted = items.sorted(order);
        if (!request.isFirst()) {
            sorted = sorted.filter(isAfter.apply(PageTokens.decode(request.token(), keyParts)));
        }
        List<T> window = new ArrayList<>(sorted.limit(request.size() + 1L).toList());
        String next = "";
        if (window.size() > request.size()) {
            window.remove(window.size() - 1);
            next = PageTokens.encode(key.apply(window.get(window.size() - 1)));
        }
        return new Page<>(window, next);
    }
}
