package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TasksRecord;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;

/** A task as a {@code tasks} row and back. */
final class TaskRows {

    private TaskRows() {
    }

    static TasksRecord toRecord(Task t) {
        TaskOrigin o = t.origin();
        TasksRecord r = new TasksRecord();
        r.setId(t.id().value());
        r.setKind(o.kind().name());
        r.setReportId(o.report().reportId().value());
        r.setProjectId(o.report().projectId().value());
        r.setAccountId(o.report().accountId().value());
        r.setServiceCode(o.report().serviceCode().value());
        r.setScheduleId(o.scheduleId() == null ? null : o.scheduleId().value());
        r.setScheduledRunId(o.scheduledRunId() == null ? null : o.scheduledRunId().value());
        r.setParentId(o.parentId() == null ? null : o.parentId().value());
        r.setParameters(TextCodec.encodeMap(o.parameters().values()));
        r.setTestRowLimit(o.testRowLimit());
        r.setParallelism(o.parallelism());
        r.setProcessorIndex(o.processorIndex());
        r.setWorkItem(o.workItem());
        r.setTimeoutNs(o.timeout() == null ? null : o.timeout().toNanos());
        r.setStatus(t.status().name());
        r.setProgress(t.progress().orElse(null));
        r.setMessage(t.message());
        r.setLaunchName(t.launchName().orElse(null));
        r.setVersion(t.version());
        r.setCreatedAt(t.createdAt());
        r.setStartedAt(t.startedAt().orElse(null));
        r.setFinishedAt(t.finishedAt().orElse(null));
        r.setUpdatedAt(t.updatedAt());
        // kept for GetStats: run time of a task that started and finished
        r.setRunMicros(t.startedAt().isPresent() && t.finishedAt().isPresent()
                ? micros(Duration.between(UtcInstantConverter.stored(t.startedAt().get()),
                        UtcInstantConverter.stored(t.finishedAt().get()))) : null);
        r.changed(true); // write nulls too: an update must clear what the new state leaves empty
        return r;
    }

    private static long micros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }

    static Task fromRecord(TasksRecord r) {
        ReportRef report = new ReportRef(ReportId.of(r.getReportId()), ProjectId.of(r.getProjectId()),
                AccountId.of(r.getAccountId()), ServiceCode.of(r.getServiceCode()));
        TaskOrigin origin = new TaskOrigin(TaskKind.valueOf(r.getKind()), report,
                r.getScheduleId() == null ? null : ScheduleId.of(r.getScheduleId()),
                r.getScheduledRunId() == null ? null : ScheduledRunId.of(r.getScheduledRunId()),
                r.getParentId() == null ? null : TaskId.of(r.getParentId()),
                Parameters.of(TextCodec.decodeMap(r.getParameters())), r.getTestRowLimit(), r.getParallelism(),
                r.getProcessorIndex(), r.getWorkItem(),
                r.getTimeoutNs() == null ? null : Duration.ofNanos(r.getTimeoutNs()));
        return Task.reconstitute(TaskId.of(r.getId()), origin, TaskStatus.valueOf(r.getStatus()), r.getProgress(),
                r.getMessage(), r.getLaunchName(), r.getVersion(), r.getCreatedAt(), r.getStartedAt(),
                r.getFinishedAt(), r.getUpdatedAt());
    }
}
