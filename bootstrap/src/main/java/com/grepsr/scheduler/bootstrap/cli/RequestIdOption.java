package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.application.retry.Backoff;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The request id (AIP-155) a command that creates something sends: a new UUID unless given. The
 * command retries with the same id while the server is unreachable or the answer was lost, so a
 * retry can never create a second schedule or task; if it gives up, it says how to retry by hand.
 */
public final class RequestIdOption {

    static final int ATTEMPTS = 3;
    /** 250 ms, then 500 ms: a restarting server or a dropped connection, not an outage. */
    private static final Backoff BACKOFF = Backoff.doubling(Duration.ofMillis(250), Duration.ofMillis(500));
    /** The call may or may not have been applied: only these are worth repeating with the same id. */
    private static final Set<Status.Code> ANSWER_LOST = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

    @Option(names = "--request-id", paramLabel = "ID",
            description = "id of this request, so repeating it creates nothing new (default: a new UUID; "
                    + "give the one a failed command printed to retry it safely)")
    String requestId;

    String value() {
        if (requestId == null || requestId.isEmpty()) {
            requestId = UUID.randomUUID().toString();
        }
        return requestId;
    }

    /** {@code call} with the request id, repeated with the same id while the answer is lost. */
    <T> T send(Function<String, T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(value());
            } catch (StatusRuntimeException e) {
                boolean lost = ANSWER_LOST.contains(e.getStatus().getCode());
                if (!lost || attempt >= ATTEMPTS) {
                    if (lost) {
                        System.err.println("note: the request may have been applied; to retry it safely, repeat the"
                                + " command with --request-id " + value());
                    }
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(BACKOFF.delay(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted while retrying").asRuntimeException();
        }
    }
}
