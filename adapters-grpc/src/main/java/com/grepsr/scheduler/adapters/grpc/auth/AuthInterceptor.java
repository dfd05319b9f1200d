package com.grepsr.scheduler.adapters.grpc.auth;

import com.grepsr.scheduler.application.model.Caller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates {@code authorization: Bearer <token>} against a {@link TokenRegistry} and puts
 * the token's {@link Caller} into the call's {@link Context} ({@link CallerContext#current()}).
 * A missing, malformed or unknown token is UNAUTHENTICATED before any handler runs. What a
 * caller may do is the use cases' rule (account scope, admin-only methods, a crawler token's one
 * task): they answer PERMISSION_DENIED.
 *
 * <p>{@link #anonymousAdmin()} turns authentication off — every call acts as the admin
 * {@code anonymous} — for the embedded development mode only; it logs a warning when created.
 *
 * <p>Install it on the scheduler service only, so health checks and reflection need no token.
 */
public final class AuthInterceptor implements ServerInterceptor {

    private static final System.Logger LOG = System.getLogger(AuthInterceptor.class.getName());
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "bearer ";
    private static final Caller ANONYMOUS = Caller.admin("anonymous");

    private final TokenRegistry tokens;

    private AuthInterceptor(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    /** Every call must present one of {@code tokens}. */
    public static AuthInterceptor requireTokens(TokenRegistry tokens) {
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "no API tokens configured: every scheduler call will be refused");
        }
        return new AuthInterceptor(tokens);
    }

    /** No authentication: every call is the admin "anonymous". Development only. */
    public static AuthInterceptor anonymousAdmin() {
        LOG.log(System.Logger.Level.WARNING, "gRPC authentication is OFF: every caller is an admin. "
                + "Use this only for local development, never on a reachable port.");
        return new AuthInterceptor(null);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        Optional<Caller> caller;
        if (tokens == null) {
            caller = Optional.of(ANONYMOUS);
        } else {
            String header = headers.get(AUTHORIZATION);
            if (header == null) {
                return refuse(call, "missing credentials: send 'authorization: Bearer <token>'");
            }
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return refuse(call, "the authorization header must be 'Bearer <token>'");
            }
            caller = tokens.authenticate(header.substring(BEARER.length()).strip());
            if (caller.isEmpty()) {
                return refuse(call, "unknown token");
            }
        }
        Context context = Context.current().withValue(CallerContext.CALLER, caller.get());
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String why) {
        LOG.log(System.Logger.Level.DEBUG, () -> "refused " + call.getMethodDescriptor().getFullMethodName() + ": " + why);
        call.close(Status.UNAUTHENTICATED.withDescription(why), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
