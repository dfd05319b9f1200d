package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which scheduled runs a list returns, ordered by fire instant then id (ascending for upcoming
 * runs, descending when {@code newestFirst}); empty parts match everything. Built from
 * {@link #none()} with the {@code with…} methods, as {@link TaskFilter} is.
 */
public record RunFilter(Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> schedule,
                        Set<RunStatus> statuses, Optional<Instant> fireFrom, Optional<Instant> fireTo,
                        boolean newestFirst) {

    public RunFilter {
        account = account == null ? Optional.empty() : account;
        report = report == null ? Optional.empty() : report;
        schedule = schedule == null ? Optional.empty() : schedule;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        fireFrom = fireFrom == null ? Optional.empty() : fireFrom;
        fireTo = fireTo == null ? Optional.empty() : fireTo;
    }

    /** Every run, soonest first. */
    public static RunFilter none() {
        return new RunFilter(null, null, null, null, null, null, false);
    }

    public RunFilter withAccount(AccountId a) {
        return withAccount(Optional.of(a));
    }

    public RunFilter withAccount(Optional<AccountId> a) {
        return new RunFilter(a, report, schedule, statuses, fireFrom, fireTo, newestFirst);
    }

    public RunFilter withReport(Optional<ReportId> r) {
        return new RunFilter(account, r, schedule, statuses, fireFrom, fireTo, newestFirst);
    }

    public RunFilter withSchedule(ScheduleId s) {
        return withSchedule(Optional.of(s));
    }

    public RunFilter withSchedule(Optional<ScheduleId> s) {
        return new RunFilter(account, report, s, statuses, fireFrom, fireTo, newestFirst);
    }

    public RunFilter withStatuses(Set<RunStatus> s) {
        return new RunFilter(account, report, schedule, s, fireFrom, fireTo, newestFirst);
    }

    /** Runs due at or after {@code from}. */
    public RunFilter firingFrom(Instant from) {
        return firingBetween(Optional.of(from), fireTo);
    }

    /** Runs due at or before {@code to}. */
    public RunFilter firingUntil(Instant to) {
        return firingBetween(fireFrom, Optional.of(to));
    }

    /** Runs due in the window, both ends inclusive; an empty end is open. */
    public RunFilter firingBetween(Optional<Instant> from, Optional<Instant> to) {
        return new RunFilter(account, report, schedule, statuses, from, to, newestFirst);
    }

    public RunFilter sortedNewestFirst() {
        return new RunFilter(account, report, schedule, statuses, fireFrom, fireTo, true);
    }
}
