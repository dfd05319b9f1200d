package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: an admin, a caller scoped to one account, or a crawler scoped to its own task.
 * Every use case receives it, so account isolation and the crawler's narrow reach are rules of
 * the application, not only of the gRPC adapter.
 *
 * <p>A crawler (a {@link CrawlerTokens crawler token}'s caller) passes none of the general checks
 * — {@link #requireAccess}, {@link #requireAdmin}, {@link #scope}, {@link #requireUser} — so a use
 * case that checks its caller at all refuses it, unless it asks explicitly with
 * {@link #requireReportOn} or {@link #requireQueueWorkFor}: a new use case does not accept a
 * crawler by accident (and {@code CrawlerTokenIsolationTest} tries every gRPC method with one).
 *
 * @param name    shown as the actor of activity events
 * @param account the only account this caller may see and change; empty for admins
 * @param crawler the task a crawler's token is for; empty for users (admins and accounts)
 */
public record Caller(String name, Optional<AccountId> account, Optional<CrawlerScope> crawler) {

    private static final Caller SYSTEM = new Caller("scheduler", Optional.empty());

    /**
     * What a crawler's token covers: reports on its own task and, for a multi-process child, work
     * added to its parent's queue.
     *
     * @param task   the crawler's own task
     * @param parent the multi-process parent of a child task
     */
    public record CrawlerScope(TaskId task, Optional<TaskId> parent) {
        public CrawlerScope {
            Objects.requireNonNull(task, "task");
            parent = parent == null ? Optional.empty() : parent;
        }
    }

    public Caller {
        Objects.requireNonNull(name, "name");
        account = account == null ? Optional.empty() : account;
        crawler = crawler == null ? Optional.empty() : crawler;
        if (crawler.isPresent() && account.isEmpty()) {
            throw new IllegalArgumentException("a crawler acts within its task's account");
        }
    }

    /** A user: an admin (no account) or an account's caller. */
    public Caller(String name, Optional<AccountId> account) {
        this(name, account, Optional.empty());
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

    /** The crawler of {@code task} (of {@code account}); {@code parent} for a multi-process child. */
    public static Caller crawlerOf(TaskId task, Optional<TaskId> parent, AccountId account) {
        return new Caller("crawler:" + task.value(), Optional.of(account),
                Optional.of(new CrawlerScope(task, parent)));
    }

    public boolean isAdmin() {
        return account.isEmpty() && crawler.isEmpty();
    }

    /** Fails unless this caller is a user (not a crawler) who may act on {@code owner}'s data. */
    public void requireAccess(AccountId owner, String what) {
        requireUser(what);
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

    /** Fails for a crawler: for use cases that check no account but are for users only. */
    public void requireUser(String what) {
        if (crawler.isPresent()) {
            throw new AccessDeniedException(what + ": a crawler's token may only report on its own task");
        }
    }

    /**
     * Fails unless this caller may report on {@code task} (UpdateTaskHistory, UpdateMetaByJob):
     * a crawler only on its own task, a user on its account's tasks.
     */
    public void requireReportOn(Task task) {
        if (crawler.isEmpty()) {
            requireAccess(task.report().accountId(), "task " + task.id());
        } else if (!crawler.get().task().equals(task.id()) || !ownAccount(task)) {
            throw new AccessDeniedException("task " + task.id() + " is not this crawler's task");
        }
    }

    /**
     * Fails unless this caller may add work to the multi-process {@code parent} (AddToTaskQueue):
     * a crawler only to the parent of its own (child) task, a user to its account's parents.
     */
    public void requireQueueWorkFor(Task parent) {
        if (crawler.isEmpty()) {
            requireAccess(parent.report().accountId(), "task " + parent.id());
        } else if (!crawler.get().parent().equals(Optional.of(parent.id())) || !ownAccount(parent)) {
            throw new AccessDeniedException("task " + parent.id() + " is not the parent of this crawler's task");
        }
    }

    /**
     * The account a list query is confined to: the caller's own, which must match the requested
     * one if both are given; an admin gets what it asked for (possibly none = all). Crawlers list
     * nothing.
     */
    public Optional<AccountId> scope(Optional<AccountId> requested) {
        requireUser("listing");
        if (account.isEmpty()) {
            return requested;
        }
        requested.ifPresent(r -> requireAccess(r, "account " + r));
        return account;
    }

    private boolean ownAccount(Task task) {
        return account.equals(Optional.of(task.report().accountId()));
    }
}
