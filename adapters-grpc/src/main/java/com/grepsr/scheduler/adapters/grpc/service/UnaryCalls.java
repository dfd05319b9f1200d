package com.grepsr.scheduler.adapters.grpc.service;

import com.grepsr.scheduler.adapters.grpc.error.ErrorMapper;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import java.util.function.Supplier;

/**
 * Runs one unary call: refuses work whose client has given up (cancelled, or past its deadline —
 * the use cases are synchronous and cannot be interrupted halfway, so the check comes before),
 * and turns every failure into a status through {@link ErrorMapper}. A handler never throws: a
 * thrown exception would reach the client as UNKNOWN.
 */
final class UnaryCalls {

    private UnaryCalls() {
    }

    static <T> void respond(StreamObserver<T> out, Supplier<T> work) {
        Context context = Context.current();
        if (context.isCancelled()) {
            out.onError(Contexts.statusFromCancelled(context).asRuntimeException());
            return;
        }
        Deadline deadline = context.getDeadline();
        if (deadline != null && deadline.isExpired()) {
            out.onError(Status.DEADLINE_EXCEEDED.withDescription("deadline passed before the call started")
                    .asRuntimeException());
            return;
        }
        T response;
        try {
            response = work.get();
        } catch (Throwable failure) { // everything, Errors included: a throw would reach the client as UNKNOWN
            out.onError(ErrorMapper.toStatusException(failure));
            return;
        }
        out.onNext(response);
        out.onCompleted();
    }
}
