package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.ClientTimes;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * GetUpcomingAccountSchedules: every run an account's schedules will fire in a window
 * {@code [from, to]}, computed from their recurrences (so beyond the calculator's horizon too),
 * merged in time order (then schedule id), one keyset page at a time. ACTIVE schedules count, and
 * PAUSED ones with a pause-until inside the window from that instant on; skipped occurrences are
 * left out. A window starting in the past starts now: these are upcoming runs.
 */
public interface GetUpcomingAccountSchedulesUseCase {

    Duration MAX_WINDOW = Duration.ofDays(31);
    Duration DEFAULT_WINDOW = Duration.ofDays(7);
    /** The most schedules of one account the forecast reads; beyond it the result says it is incomplete. */
    int MAX_SCHEDULES = 10_000;

    /**
     * @param account for admins, required; for account callers their own, or empty
     * @param from    window start (inclusive); empty for now
     * @param to      window end (inclusive); empty for {@code from} + {@link #DEFAULT_WINDOW}; at most
     *                {@link #MAX_WINDOW} after {@code from}
     * @param page    page size and token
     */
    record Query(Optional<AccountId> account, Optional<Instant> from, Optional<Instant> to, PageRequest page) {
        public Query {
            account = account == null ? Optional.empty() : account;
            from = ClientTimes.require("from", from == null ? Optional.empty() : from);
            to = ClientTimes.require("to", to == null ? Optional.empty() : to);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
            if (from.isPresent() && to.isPresent()) {
                requireWindow(from.get(), to.get());
            }
        }

        /** The next {@link #DEFAULT_WINDOW} of an account. */
        public static Query ofAccount(AccountId account, PageRequest page) {
            return new Query(Optional.of(account), Optional.empty(), Optional.empty(), page);
        }

        public static Query ofWindow(AccountId account, Instant from, Instant to, PageRequest page) {
            return new Query(Optional.of(account), Optional.of(from), Optional.of(to), page);
        }

        /** Fails unless {@code to} is not before {@code from} and at most {@link #MAX_WINDOW} after it. */
        public static void requireWindow(Instant from, Instant to) {
            if (to.isBefore(from)) {
                throw ValidationException.of("to", "is before from (" + from + ")");
            }
            if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
                throw ValidationException.of("to", "the window may be at most " + MAX_WINDOW.toDays()
                        + " days; page through a longer period window by window");
            }
        }
    }

    /** One run a schedule will fire. */
    record UpcomingRun(ScheduleId scheduleId, String scheduleName, ReportRef report, Instant fireAt) {
    }

    /**
     * @param page     the runs, in fire order
     * @param from     the window as applied
     * @param to       the window as applied
     * @param complete false when the account has more than {@link #MAX_SCHEDULES} schedules and only
     *                 the first were read
     */
    record Result(Page<UpcomingRun> page, Instant from, Instant to, boolean complete) {
    }

    /** @throws com.grepsr.scheduler.domain.error.AccessDeniedException when asking for another account */
    Result execute(Caller caller, Query query);
}
