package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;

/** A scheduled run as a {@code vt_scheduled_runs} row and back (the claim columns are the store's). */
final class RunRows {

    private RunRows() {
    }

    static VtScheduledRunsRecord toRecord(ScheduledRun run) {
        VtScheduledRunsRecord r = new VtScheduledRunsRecord();
        r.setId(run.id().value());
        r.setScheduleId(run.scheduleId().value());
        r.setReportId(run.report().reportId().value());
        r.setProjectId(run.report().projectId().value());
        r.setAccountId(run.report().accountId().value());
        r.setServiceCode(run.report().serviceCode().value());
        r.setFireAt(run.fireAt());
        r.setStatus(run.status().name());
        r.setTaskId(run.taskId() == null ? null : run.taskId().value());
        r.setMissCause(run.missCause() == null ? null : run.missCause().name());
        r.setCreatedAt(run.createdAt());
        r.setSettledAt(run.settledAt());
        r.setClaimedBy(null);
        r.setClaimedUntil(null);
        r.changed(true);
        return r;
    }

    static ScheduledRun fromRecord(VtScheduledRunsRecord r) {
        ReportRef report = new ReportRef(ReportId.of(r.getReportId()), ProjectId.of(r.getProjectId()),
                AccountId.of(r.getAccountId()), ServiceCode.of(r.getServiceCode()));
        return new ScheduledRun(ScheduledRunId.of(r.getId()), ScheduleId.of(r.getScheduleId()), report, r.getFireAt(),
                RunStatus.valueOf(r.getStatus()), r.getTaskId() == null ? null : TaskId.of(r.getTaskId()),
                r.getMissCause() == null ? null : MissCause.valueOf(r.getMissCause()), r.getCreatedAt(),
                r.getSettledAt());
    }
}
