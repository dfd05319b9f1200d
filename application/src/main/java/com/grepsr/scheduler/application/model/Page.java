package com.grepsr.scheduler.application.model;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the token of the next one (empty when this is the last page).
 */
public record Page<T>(List<T> items, String nextPageToken) {

    public Page {
        items = List.copyOf(items);
        nextPageToken = nextPageToken == null ? "" : nextPageToken;
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, "");
    }

    public boolean hasNext() {
        return !nextPageToken.isEmpty();
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextPageToken);
    }
}
