package com.grepsr.scheduler.application.model;

/**
 * A store could not be reached (connection refused, pool exhausted or timed out, connection
 * lost): nothing the caller sent was wrong, and the same call may succeed later. Adapters map
 * their driver's connectivity errors to this one type so the gRPC layer can answer UNAVAILABLE
 * and daemons can back off, instead of either seeing a vendor exception.
 *
 * <p>It lives in {@code model} rather than beside the ports because top-level types in
 * {@code port.out} are ports (interfaces named {@code *Port}).
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
