package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.common.Checks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers the requests clients sent with a request id (AIP-155), so a retried create returns
 * the first answer instead of creating a second schedule or task. An entry holds a fingerprint of
 * the request and the ids of what it created; the answer is rebuilt from those. Writes take part
 * in the caller's {@link TransactionPort} transaction: an entry commits together with what it
 * created, or not at all.
 *
 * <p>Entries recorded before a cut-off the caller gives ({@code notBefore}) have expired: they
 * count as absent, may be replaced, and {@link #deleteRecordedBefore} removes them.
 */
public interface RequestLogPort {

    /**
     * The entry under {@code key}, if one was recorded at or after {@code notBefore} and committed.
     */
    Optional<Entry> find(Key key, Instant notBefore);

    /**
     * Records {@code entry} unless a live entry (recorded at or after {@code notBefore}) has its key;
     * an expired one is replaced. A concurrent transaction recording the same key is waited for:
     * if it commits, this returns false; if it rolls back, this records. Call it first in a
     * transaction, before writing what the request creates, so a duplicate waits here with
     * nothing written yet.
     *
     * @return true if recorded, false if the key was taken
     */
    boolean record(Entry entry, Instant notBefore);

    /** Deletes at most {@code limit} entries recorded before {@code cutoff}; returns how many. */
    int deleteRecordedBefore(Instant cutoff, int limit);

    /**
     * Whose request it was and which method: the same request id from another account, or for
     * another method, is another request.
     *
     * @param scope     {@code admin} or {@code account:<id>}
     * @param method    the use case, e.g. {@code Schedule}
     * @param requestId the client's id
     */
    record Key(String scope, String method, String requestId) {

        /** Longest scope: {@code account:} and an account id. */
        public static final int MAX_SCOPE_LENGTH = 8 + Checks.MAX_ID_LENGTH;
        public static final int MAX_METHOD_LENGTH = 40;

        public Key {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(method, "method");
            Checks.id("request_id", requestId);
            if (scope.isEmpty() || scope.length() > MAX_SCOPE_LENGTH) {
                throw new IllegalArgumentException("scope must be 1-" + MAX_SCOPE_LENGTH + " characters: " + scope);
            }
            if (method.isEmpty() || method.length() > MAX_METHOD_LENGTH) {
                throw new IllegalArgumentException("method must be 1-" + MAX_METHOD_LENGTH + " characters: " + method);
            }
        }
    }

    /**
     * @param fingerprint a stable hash of the request's content (64 hex characters)
     * @param created     the ids of what the request created, in the order its answer lists them
     * @param recordedAt  when it was recorded; entries expire from it
     */
    record Entry(Key key, String fingerprint, List<String> created, Instant recordedAt) {

        public static final int FINGERPRINT_LENGTH = 64;

        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(recordedAt, "recordedAt");
            if (fingerprint == null || fingerprint.length() != FINGERPRINT_LENGTH) {
                throw new IllegalArgumentException("fingerprint must be " + FINGERPRINT_LENGTH + " characters");
            }
            created = List.copyOf(created);
            if (created.isEmpty()) {
                throw new IllegalArgumentException("an entry names what its request created");
            }
            created.forEach(id -> Checks.id("created", id));
        }
    }
}
