package com.grepsr.scheduler.adapters.grpc.auth;

import com.grepsr.scheduler.application.model.Caller;
import io.grpc.Context;
import io.grpc.Status;

/** Where the {@link AuthInterceptor} leaves the authenticated {@link Caller} for the call's handler. */
public final class CallerContext {

    static final Context.Key<Caller> CALLER = Context.key("phoenix-caller");

    private CallerContext() {
    }

    /**
     * The caller of the current call. A service installed without the interceptor has none, and
     * then every call is refused rather than served as someone.
     *
     * @throws io.grpc.StatusRuntimeException UNAUTHENTICATED when no caller was set
     */
    public static Caller current() {
        Caller caller = CALLER.get();
        if (caller == null) {
            throw Status.UNAUTHENTICATED.withDescription("no authenticated caller").asRuntimeException();
        }
        return caller;
    }
}
