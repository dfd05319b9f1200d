package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.AccessDeniedException;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: an admin, or a caller scoped to one account. Every use case receives it, so
 * account isolation is a rule of the application, not only of the gRPC adapter.
 *
 * @param name    shown as the actor of activity events
 * @param account the only account this caller may see and change; empty for admins
 */
public record Caller(String name, Optional<AccountId> account) {

    private static final Caller SYSTEM = new Caller("scheduler", Optional.empty());

    public Caller {
        Objects.requireNonNull(name, "name");
        account = account == null ? Optional.empty() : account;
    }

    /** The scheduler itself (daemons). */
    public static Caller system() {
        return SYSTEM;
    }

    public static Caller admin(String name) {
        return new Caller(name, Optional.empty());
    }

    public static Caller ofAccount(String name, AccountId account) {
        return new Caller(name, Optional.of(account));
    }

    public boolean isAdmin() {
        return account.isEmpty();
    }

    /** Fails unless this caller may act on {@code owner}'s data. */
    public void requireAccess(AccountId owner, String what) {
        if (account.isPresent() && !account.get().equals(owner)) {
            throw new AccessDeniedException(what + " belongs to another account");
        }
    }

    /** Fails unless this caller is an admin. */
    public void requireAdmin(String what) {
        if (!isAdmin()) {
            throw new AccessDeniedException(what + " is for admins only");
        }
    }

    /**
     * The account a list query is confined to: the caller's own, which must match the requested
     * one if both are given; an admin gets what it asked for (possibly none = all).
     */
    public Optional<AccountId> scope(Optional<AccountId> requested) {
        if (account.isEmpty()) {
            return requested;
        }
        requested.ifPresent(r -> requireAccess(r, "account " + r));
        return account;
    }
}
