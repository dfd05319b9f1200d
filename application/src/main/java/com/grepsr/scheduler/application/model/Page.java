package com.grepsr.scheduler.application.model;

import java.util.ArrayList;
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

    /**
     * Every item of a keyset-paginated list, read page by page ({@code pageSize} a page) until the
     * last page or until {@code limit} items are read, whichever comes first.
     */
    public static <T> List<T> readAll(Function<PageRequest, Page<T>> read, int pageSize, int limit) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<T> page = read.apply(request);
            for (T item : page.items()) {
                if (all.size() == limit) {
                    return all;
                }
                all.add(item);
            }
            if (!page.hasNext()) {
                return all;
            }
            request = new PageRequest(pageSize, page.nextPageToken());
        }
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextPageToken);
    }
}
