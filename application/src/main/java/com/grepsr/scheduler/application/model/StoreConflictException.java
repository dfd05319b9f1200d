package com.grepsr.scheduler.application.model;

/**
 * The store gave up a unit of work because it collided with another one (a deadlock, or a
 * serialization failure), even after the transaction port retried it: nothing of it was written,
 * nothing the caller sent was wrong, and the same call may well succeed at once. Adapters map their
 * vendor's errors to this type so the gRPC layer can answer ABORTED with retry advice rather than
 * INTERNAL, and daemons back off and tick again.
 */
public final class StoreConflictException extends RuntimeException {

    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
