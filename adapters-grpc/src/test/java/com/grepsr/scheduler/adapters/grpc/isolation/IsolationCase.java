package com.grepsr.scheduler.adapters.grpc.isolation;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one gRPC method keeps accounts apart, as data the {@link AccountIsolationTest} runs:
 *
 * <ul>
 *   <li>{@code own}: the call on the caller's own data, which must succeed (for an admin-only
 *       method, with the admin token) and pass {@code ownCheck}: so a refusal below is about
 *       the account, not a call that fails for everyone;</li>
 *   <li>{@code probes}: account A's token reaching for account B's data — each one DENIED
 *       (PERMISSION_DENIED) or, for filters that name B's report, project or schedule in a
 *       list, HIDDEN (an answer with nothing of B's in it);</li>
 *   <li>{@code adminOnly}: every account token is refused, even on its own data.</li>
 * </ul>
 */
record IsolationCase(MethodDescriptor<?, ?> method, boolean adminOnly, Function<IsolationWorld, Message> own,
                     BiConsumer<IsolationWorld, Message> ownCheck, List<Probe> probes) {

    /** What A's token must get for a probe. */
    enum Expect {
        /** PERMISSION_DENIED, the project's answer for another account's id (see SPEC.md / Caller). */
        DENIED,
        /** An answer, but without anything of B's (B's own token, asking the same, is shown its data). */
        HIDDEN
    }

    /** One way of reaching for B's data; {@code check} runs on a HIDDEN answer. */
    record Probe(String name, Function<IsolationWorld, Message> request, Expect expect,
                 BiConsumer<IsolationWorld, Message> check) {
    }

    String name() {
        return method.getBareMethodName();
    }

    static <Q extends Message, R extends Message> Builder<Q, R> of(MethodDescriptor<Q, R> method) {
        return new Builder<>(method);
    }

    /** Reads as a sentence per method in {@link IsolationCases}. */
    static final class Builder<Q extends Message, R extends Message> {
        private final MethodDescriptor<Q, R> method;
        private boolean adminOnly;
        private Function<IsolationWorld, Q> own;
        private BiConsumer<IsolationWorld, R> ownCheck = (w, r) -> { };
        private final List<Probe> probes = new ArrayList<>();

        private Builder(MethodDescriptor<Q, R> method) {
            this.method = method;
        }

        /** The call on A's own data, and what its answer must show. */
        Builder<Q, R> own(Function<IsolationWorld, Q> request, BiConsumer<IsolationWorld, R> check) {
            this.own = request;
            this.ownCheck = check;
            return this;
        }

        /** Account tokens are refused; {@code request} is what an admin may call. */
        Builder<Q, R> adminOnly(Function<IsolationWorld, Q> request, BiConsumer<IsolationWorld, R> check) {
            this.adminOnly = true;
            return own(request, check);
        }

        Builder<Q, R> denied(String name, Function<IsolationWorld, Q> request) {
            probes.add(new Probe(name, request::apply, Expect.DENIED, (w, r) -> { }));
            return this;
        }

        Builder<Q, R> hidden(String name, Function<IsolationWorld, Q> request) {
            return hidden(name, request, (w, r) -> { });
        }

        @SuppressWarnings("unchecked")
        Builder<Q, R> hidden(String name, Function<IsolationWorld, Q> request, BiConsumer<IsolationWorld, R> check) {
            probes.add(new Probe(name, request::apply, Expect.HIDDEN, (w, r) -> check.accept(w, (R) r)));
            return this;
        }

        @SuppressWarnings("unchecked")
        IsolationCase build() {
            Objects.requireNonNull(own, method.getBareMethodName() + ": no call on own data");
            BiConsumer<IsolationWorld, R> check = ownCheck;
            return new IsolationCase(method, adminOnly, own::apply, (w, r) -> check.accept(w, (R) r),
                    List.copyOf(probes));
        }
    }
}
