package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.Checks;

import java.util.Optional;

/**
 * A client's id for one request (AIP-155): sent again with a retry, it makes the retry return the
 * first call's answer instead of creating something new. A UUID is the usual choice; any id of at
 * most {@value Checks#MAX_ID_LENGTH} letters, digits and {@code . _ : -} is accepted.
 */
public record RequestId(String value) {

    public RequestId {
        Checks.id("request_id", value);
    }

    /** Empty for an absent or empty id (proto3's unset string), the id otherwise. */
    public static Optional<RequestId> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new RequestId(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
