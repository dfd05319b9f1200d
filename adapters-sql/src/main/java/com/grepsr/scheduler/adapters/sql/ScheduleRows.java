package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtExtractorScheduleRecord;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.TreeSet;

/** A schedule as a {@code vt_extractor_schedule} row and back. */
final class ScheduleRows {

    /** The calculation mark of a new or changed schedule: before any instant a clock gives. */
    static final Instant DUE_AT_ONCE = Instant.EPOCH;

    private ScheduleRows() {
    }

    static VtExtractorScheduleRecord toRecord(Schedule s) {
        ScheduleTiming t = s.timing();
        ScheduleDetails d = s.details();
        VtExtractorScheduleRecord r = new VtExtractorScheduleRecord();
        r.setId(s.id().value());
        r.setName(s.name());
        r.setReportId(s.report().reportId().value());
        r.setProjectId(s.report().projectId().value());
        r.setAccountId(s.report().accountId().value());
        r.setServiceCode(s.report().serviceCode().value());
        r.setStatus(s.status().name());
        r.setPausedUntil(s.pausedUntil().orElse(null));
        r.setRecurrenceKind(kind(t.spec()));
        r.setRecurrenceExpression(expression(t.spec()));
        r.setZoneId(t.zone().getId());
        r.setStartLocal(micros(t.start()));
        r.setEndLocal(micros(t.end()));
        r.setMaxRuns(t.maxRuns());
        r.setExcludedDates(TextCodec.encodeList(new TreeSet<>(t.excludedDates())));
        r.setDstGap(t.dst().gap().name());
        r.setDstOverlap(t.dst().overlap().name());
        r.setSkippedOccurrences(TextCodec.encodeList(new TreeSet<>(s.skippedOccurrences())));
        r.setParameters(TextCodec.encodeMap(d.parameters().values()));
        r.setMisfireKind(d.misfire().kind().name());
        r.setMisfireWindowNs(d.misfire().catchUpWindow().toNanos());
        r.setOverlapPolicy(d.overlap().name());
        r.setTaskTimeoutNs(d.taskTimeout() == null ? null : d.taskTimeout().toNanos());
        r.setVersion(s.version());
        r.setCreatedAt(s.createdAt());
        r.setUpdatedAt(s.updatedAt());
        // a new or changed schedule is due for the calculator at once (it is not domain state:
        // the calculator moves it on through SqlScheduleStore.calculatedUntil)
        r.setCalculateAt(DUE_AT_ONCE);
        r.changed(true); // write nulls too: an update must clear what the new state leaves empty
        return r;
    }

    static Schedule fromRecord(VtExtractorScheduleRecord r) {
        ScheduleTiming timing = new ScheduleTiming(spec(r.getRecurrenceKind(), r.getRecurrenceExpression()),
                ZoneId.of(r.getZoneId()), r.getStartLocal(), r.getEndLocal(), r.getMaxRuns(),
                new HashSet<>(TextCodec.decodeList(r.getExcludedDates(), LocalDate::parse)),
                new DstPolicy(DstPolicy.Gap.valueOf(r.getDstGap()), DstPolicy.Overlap.valueOf(r.getDstOverlap())));
        ScheduleDetails details = new ScheduleDetails(timing, Parameters.of(TextCodec.decodeMap(r.getParameters())),
                new MisfirePolicy(MisfirePolicy.Kind.valueOf(r.getMisfireKind()), Duration.ofNanos(r.getMisfireWindowNs())),
                OverlapPolicy.valueOf(r.getOverlapPolicy()),
                r.getTaskTimeoutNs() == null ? null : Duration.ofNanos(r.getTaskTimeoutNs()));
        ReportRef report = new ReportRef(ReportId.of(r.getReportId()), ProjectId.of(r.getProjectId()),
                AccountId.of(r.getAccountId()), ServiceCode.of(r.getServiceCode()));
        return Schedule.reconstitute(ScheduleId.of(r.getId()), r.getName(), report, details,
                ScheduleStatus.valueOf(r.getStatus()), r.getPausedUntil(),
                new HashSet<>(TextCodec.decodeList(r.getSkippedOccurrences(), Instant::parse)),
                r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static String kind(RecurrenceSpec spec) {
        if (spec instanceof RecurrenceSpec.OneTime) {
            return "ONE_TIME";
        } else if (spec instanceof RecurrenceSpec.RRule) {
            return "RRULE";
        } else if (spec instanceof RecurrenceSpec.Cron) {
            return "CRON";
        }
        return "FIXED_INTERVAL";
    }

    private static String expression(RecurrenceSpec spec) {
        if (spec instanceof RecurrenceSpec.OneTime o) {
            return o.at().toString();
        } else if (spec instanceof RecurrenceSpec.RRule r) {
            return r.rule();
        } else if (spec instanceof RecurrenceSpec.Cron c) {
            return c.expression();
        }
        return ((RecurrenceSpec.FixedInterval) spec).every().toString();
    }

    private static RecurrenceSpec spec(String kind, String expression) {
        return switch (kind) {
            case "ONE_TIME" -> new RecurrenceSpec.OneTime(LocalDateTime.parse(expression));
            case "RRULE" -> new RecurrenceSpec.RRule(expression);
            case "CRON" -> new RecurrenceSpec.Cron(expression);
            case "FIXED_INTERVAL" -> new RecurrenceSpec.FixedInterval(Duration.parse(expression));
            default -> throw new IllegalStateException("unknown recurrence kind in storage: " + kind);
        };
    }

    private static LocalDateTime micros(LocalDateTime t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
