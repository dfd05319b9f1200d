package com.grepsr.scheduler.examples.testkit;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * Example 2: app code that uses the scheduler's use cases (the scheduler embedded, as in example
 * 3). Its own test runs it against the test kit's in-memory scheduler and moves the clock.
 */
public final class NightlyReports {

    private final ScheduleUseCase schedules;

    public NightlyReports(ScheduleUseCase schedules) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    /** Every night at 02:00 in the account's zone, as the account's own user. */
    public Schedule enable(ReportRef report, String zone) {
        Caller owner = Caller.ofAccount("nightly-reports", report.accountId());
        TimingInput nightly = TimingInput.of(new RecurrenceSpec.Cron("0 2 * * *"), zone, null);
        return schedules.execute(owner, new ScheduleUseCase.Command("nightly " + report.reportId(), report, nightly,
                null, null, null, Optional.empty(), Optional.empty())).schedule();
    }
}
