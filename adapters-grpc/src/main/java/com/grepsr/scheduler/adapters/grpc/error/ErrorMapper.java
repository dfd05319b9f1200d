package com.grepsr.scheduler.adapters.grpc.error;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.grepsr.scheduler.application.model.StoreConflictException;
import com.grepsr.scheduler.application.model.StoreUnavailableException;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;

/**
 * The one place where failures become gRPC statuses, with rich details
 * ({@code google.rpc.Status} through {@link StatusProto}):
 * <ul>
 *   <li>{@link ValidationException} → INVALID_ARGUMENT with a {@link BadRequest} field violation per field;</li>
 *   <li>{@link NotFoundException} → NOT_FOUND with {@link ResourceInfo};</li>
 *   <li>{@link IllegalTransitionException} → FAILED_PRECONDITION with a {@link PreconditionFailure};</li>
 *   <li>{@link VersionConflictException} → ABORTED with {@link ErrorInfo} (expected and actual version);</li>
 *   <li>{@link AlreadyExistsException} → ALREADY_EXISTS with {@link ResourceInfo};</li>
 *   <li>{@link AccessDeniedException} → PERMISSION_DENIED;</li>
 *   <li>a unit of work the store gave up on after its own retries ({@link StoreConflictException}:
 *       deadlock, serialization failure) → ABORTED with {@link ErrorInfo} and {@link RetryInfo};</li>
 *   <li>a store that cannot be reached → UNAVAILABLE with {@link RetryInfo} (the client may retry);</li>
 *   <li>a status the call already chose (e.g. UNAUTHENTICATED) → itself;</li>
 *   <li>anything else → INTERNAL with a generic message and a reference that is logged with the
 *       stack trace: a bug must not leak internals, and must not pass for bad input.</li>
 * </ul>
 * Messages and details are kept within {@link TrailerBudget}, so they fit in a client's trailers.
 *
 * <p>Storage unavailability is recognised anywhere in the cause chain by its
 * type, {@link StoreUnavailableException} (what the store adapters throw for connectivity
 * failures), plus the JDBC connectivity exceptions in case one escapes unwrapped.
 */
public final class ErrorMapper {

    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());
    private static final String DOMAIN = "scheduler.phoenix.grepsr.com";
    private static final int MAX_CAUSES = 20;
    private static final int CONFLICT_RETRY_DELAY_NANOS = 100_000_000;
    private static final long OUTAGE_RETRY_DELAY_SECONDS = 2;

    private ErrorMapper() {
    }

    /** The status to send for {@code failure}; never throws. */
    public static StatusRuntimeException toStatusException(Throwable failure) {
        if (failure instanceof StatusRuntimeException s) {
            return s;
        }
        if (failure instanceof StatusException s) {
            return s.getStatus().asRuntimeException(s.getTrailers());
        }
        return StatusProto.toStatusRuntimeException(toRpcStatus(failure));
    }

    /** The rich status for {@code failure}, e.g. for one failed item of a batch. */
    public static com.google.rpc.Status toRpcStatus(Throwable failure) {
        if (failure instanceof ValidationException e) {
            return status(Code.INVALID_ARGUMENT, e.getMessage(), Any.pack(TrailerBudget.badRequest(e.violations())));
        }
        if (failure instanceof NotFoundException e) {
            return status(Code.NOT_FOUND, e.getMessage(), Any.pack(resource(e.kind(), e.id())));
        }
        if (failure instanceof IllegalTransitionException e) {
            return status(Code.FAILED_PRECONDITION, e.getMessage(), Any.pack(PreconditionFailure.newBuilder()
                    .addViolations(PreconditionFailure.Violation.newBuilder().setType("STATE")
                            .setSubject(e.kind() + "/" + e.id())
                            .setDescription("cannot go from " + e.from() + " to " + e.to()))
                    .build()));
        }
        if (failure instanceof VersionConflictException e) {
            return status(Code.ABORTED, e.getMessage(), Any.pack(ErrorInfo.newBuilder().setReason("VERSION_CONFLICT")
                    .setDomain(DOMAIN).putMetadata("resource", e.kind() + "/" + e.id())
                    .putMetadata("expected_version", Long.toString(e.expectedVersion()))
                    .putMetadata("actual_version", Long.toString(e.actualVersion())).build()));
        }
        if (failure instanceof AlreadyExistsException e) {
            return status(Code.ALREADY_EXISTS, e.getMessage(), Any.pack(resource(e.kind(), e.id())));
        }
        if (failure instanceof AccessDeniedException e) {
            return status(Code.PERMISSION_DENIED, e.getMessage(), null);
        }
        if (failure instanceof StatusRuntimeException || failure instanceof StatusException) {
            io.grpc.Status s = io.grpc.Status.fromThrowable(failure);
            return com.google.rpc.Status.newBuilder().setCode(s.getCode().value())
                    .setMessage(s.getDescription() == null ? "" : s.getDescription()).build();
        }
        if (isStoreConflict(failure)) {
            // ABORTED is gRPC's "retry the whole read-modify-write"; the delay spreads the rivals
            com.google.rpc.Status.Builder b = status(Code.ABORTED,
                    "the change collided with another one and was not made; retry it", null).toBuilder();
            b.addDetails(Any.pack(ErrorInfo.newBuilder().setReason("CONCURRENT_UPDATE").setDomain(DOMAIN).build()));
            return retryAfter(b, com.google.protobuf.Duration.newBuilder().setNanos(CONFLICT_RETRY_DELAY_NANOS));
        }
        if (isStoreUnavailable(failure)) {
            LOG.log(System.Logger.Level.WARNING, "storage unavailable: " + failure);
            // a failover or restart takes seconds: sooner would only add load to a recovering store
            return retryAfter(status(Code.UNAVAILABLE, "storage is unavailable; retry later", null).toBuilder(),
                    com.google.protobuf.Duration.newBuilder().setSeconds(OUTAGE_RETRY_DELAY_SECONDS));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(System.Logger.Level.ERROR, "internal error " + reference, failure);
        return status(Code.INTERNAL, "internal error (reference " + reference + ")", null);
    }

    /** Adds the delay a client should wait before retrying (AIP-194's RetryInfo). */
    private static com.google.rpc.Status retryAfter(com.google.rpc.Status.Builder status,
                                                    com.google.protobuf.Duration.Builder delay) {
        return status.addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(delay).build())).build();
    }

    private static boolean isStoreConflict(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof StoreConflictException) {
                return true;
            }
        }
        return false;
    }

    static boolean isStoreUnavailable(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static ResourceInfo resource(String kind, String id) {
        return ResourceInfo.newBuilder().setResourceType(kind).setResourceName(TrailerBudget.abbreviate(id)).build();
    }

    private static com.google.rpc.Status status(Code code, String message, Any detail) {
        com.google.rpc.Status.Builder b = com.google.rpc.Status.newBuilder().setCode(code.getNumber())
                .setMessage(TrailerBudget.abbreviate(message));
        if (detail != null) {
            b.addDetails(detail);
        }
        return b.build();
    }
}
