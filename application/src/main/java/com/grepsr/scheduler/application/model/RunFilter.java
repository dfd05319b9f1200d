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
 * runs, descending when {@code newestFirst}); empty parts match everything.
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
}
