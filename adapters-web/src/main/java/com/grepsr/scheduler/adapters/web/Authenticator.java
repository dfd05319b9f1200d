package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.application.model.Caller;

import java.util.Optional;

/**
 * Who a presented bearer token belongs to: the gRPC service's own token check, handed in by the
 * bootstrap, so the login form accepts exactly the tokens gRPC does and acts with the same Caller.
 */
@FunctionalInterface
public interface Authenticator {

    /** The caller the token belongs to; empty for an unknown token. */
    Optional<Caller> authenticate(String token);

    /** No login at all: every visitor is an admin. Only the embedded development mode wires this. */
    static Authenticator anonymousAdmin() {
        return new AnonymousAdmin();
    }

    /** Whether visitors skip the login form. */
    default boolean isOpen() {
        return false;
    }

    /** The development mode's authenticator, told apart so the server can skip the login form. */
    final class AnonymousAdmin implements Authenticator {
        private AnonymousAdmin() {
        }

        @Override
        public Optional<Caller> authenticate(String token) {
            return Optional.of(Caller.admin("anonymous"));
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
