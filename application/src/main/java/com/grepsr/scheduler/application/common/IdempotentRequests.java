package com.grepsr.scheduler.application.common;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.application.port.out.RequestLogPort;
import com.grepsr.scheduler.application.port.out.RequestLogPort.Entry;
import com.grepsr.scheduler.application.port.out.RequestLogPort.Key;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates what a request asks for at most once per request id (AIP-155). The first call records
 * its id, a fingerprint of the command and the ids it creates in the same transaction as the
 * creation; a later call with the same id (same caller scope, same method) builds its answer from
 * those ids instead of creating again, and one with another command is refused. Concurrent
 * duplicates meet at the request log's key: the second waits for the first and answers with it.
 *
 * <p>The answer is always built from the created ids, for the first call too, so a retry answers
 * exactly as the first call would have at that moment (the entity as it is now).
 */
public final class IdempotentRequests {

    /** The component of every command that holds its request id; not part of the fingerprint. */
    static final String REQUEST_ID = "requestId";
    private static final int ATTEMPTS = 3;

    private final RequestLogPort log;
    private final TransactionPort tx;
    private final Clock clock;
    private final Duration retention;

    public IdempotentRequests(RequestLogPort log, TransactionPort tx, Clock clock, Duration retention) {
        this.log = Objects.requireNonNull(log, "log");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /**
     * What one request creates: the ids its answer is built from, and the writes that create them
     * (run in one transaction, after the request's id is recorded in it).
     */
    public record Creation(List<String> created, Runnable writes) {
        public Creation {
            created = List.copyOf(created);
            Objects.requireNonNull(writes, "writes");
        }
    }

    /**
     * Creates what {@code plan} prepares, once per request id, and answers from the created ids.
     * {@code plan} runs only when there is something to create (it validates and builds the new
     * entities); {@code answer} runs after the commit, for a first call and a replay alike.
     *
     * @throws ValidationException on {@code request_id} when the id was used for another command
     */
    public <R> R create(Caller caller, String method, Optional<RequestId> requestId, Record command,
                 Supplier<Creation> plan, Function<List<String>, R> answer) {
        if (requestId.isEmpty()) {
            Creation creation = plan.get();
            tx.run(creation.writes());
            return answer.apply(creation.created());
        }
        Key key = new Key(scope(caller), method, requestId.get().value());
        String fingerprint = Fingerprints.of(command, REQUEST_ID);
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Instant notBefore = now.minus(retention);
            Optional<Entry> earlier = log.find(key, notBefore);
            if (earlier.isPresent()) {
                return answer.apply(replay(earlier.get(), fingerprint));
            }
            Creation creation = plan.get();
            Entry entry = new Entry(key, fingerprint, creation.created(), now);
            boolean recorded = tx.inTransaction(() -> {
                if (!log.record(entry, notBefore)) {
                    return false; // a concurrent duplicate committed first; nothing of ours is written
                }
                creation.writes().run();
                return true;
            });
            if (recorded) {
                return answer.apply(creation.created());
            }
            if (attempt >= ATTEMPTS) {
                // the key was taken yet never readable: only an entry pruned between the two could do it
                throw new IllegalStateException("request id " + key + " was taken but its entry cannot be read");
            }
        }
    }

    private List<String> replay(Entry earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw ValidationException.of("request_id", "'" + earlier.key().requestId() + "' was already used for a"
                    + " different " + earlier.key().method() + " request (at " + earlier.recordedAt() + "); a new"
                    + " request needs a new request_id, a retry must repeat the request unchanged");
        }
        return earlier.created();
    }

    private static String scope(Caller caller) {
        return caller.account().map(a -> "account:" + a.value()).orElse("admin");
    }
}
