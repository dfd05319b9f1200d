package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.ClientTimes;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.run.ScheduledRun;

import java.time.Instant;
import java.util.Optional;

/**
 * GetAllMissedRuns (admins only): every MISSED run (and, on request, every run SKIPPED by the
 * overlap policy), optionally of one account and within a window of fire times, newest first,
 * one keyset page at a time.
 */
public interface GetAllMissedRunsUseCase {

    record Query(Optional<AccountId> account, boolean includeSkipped, Optional<Instant> from, Optional<Instant> to,
                 PageRequest page) {
        public Query {
            account = account == null ? Optional.empty() : account;
            from = ClientTimes.require("from", from == null ? Optional.empty() : from);
            to = ClientTimes.require("to", to == null ? Optional.empty() : to);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
            GetMissedScheduleRunsUseCase.requireOrdered(from, to);
        }

        public static Query all(PageRequest page) {
            return new Query(Optional.empty(), false, Optional.empty(), Optional.empty(), page);
        }
    }

    record Result(Page<ScheduledRun> page) {
    }

    /** @throws com.grepsr.scheduler.domain.error.AccessDeniedException for a caller that is not an admin */
    Result execute(Caller caller, Query query);
}
