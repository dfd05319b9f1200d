package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.error.ValidationException;

/**
 * A page of a keyset-paginated list: its size and the opaque token of the previous page's
 * {@link Page#nextPageToken()} (empty for the first page). Stores encode their sort key in the
 * token; a token they cannot read is a {@link ValidationException} on {@code page_token}.
 */
public record PageRequest(int size, String token) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final int MAX_TOKEN_LENGTH = 512;

    public PageRequest {
        if (size == 0) {
            size = DEFAULT_SIZE;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.of("page_size", "must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        token = token == null ? "" : token;
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw ValidationException.of("page_token", "is not a token this service issued");
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, "");
    }

    public boolean isFirst() {
        return token.isEmpty();
    }
}
