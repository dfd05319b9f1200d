package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.adapters.grpc.v1.DstGap;
import com.grepsr.scheduler.adapters.grpc.v1.DstOverlap;
import com.grepsr.scheduler.adapters.grpc.v1.OneTime;
import com.grepsr.scheduler.adapters.grpc.v1.Repeat;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.grpc.v1.Weekday;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.ScheduleForm;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A schedule's timing between the wire and the application: a recurrence (one-time, RRULE,
 * cron, fixed interval) or the platform's form, in a zone. Only the shape is read here; the
 * expression, the zone and the bounds are the domain's to judge ({@link TimingInput#toTiming()}).
 */
public final class TimingMapping {

    private TimingMapping() {
    }

    /** The timing a request carries under {@code field}; null when absent (the command says it is required). */
    public static TimingInput toInput(String field, boolean present, Timing t) {
        if (!present) {
            return null;
        }
        RecurrenceSpec spec = switch (t.getRecurrenceCase()) {
            case ONE_TIME -> oneTime(field + ".one_time.at", t.getOneTime());
            case RRULE -> new RecurrenceSpec.RRule(t.getRrule());
            case CRON -> new RecurrenceSpec.Cron(t.getCron());
            case FIXED_INTERVAL -> new RecurrenceSpec.FixedInterval(
                    ProtoTime.duration(field + ".fixed_interval", t.getFixedInterval()));
            case FORM, RECURRENCE_NOT_SET -> null;
        };
        ScheduleForm form = t.hasForm() ? form(field, t.getForm()) : null;
        LocalDateTime start = ProtoTime.localDateTime(field + ".start", t.getStart());
        LocalDateTime end = ProtoTime.localDateTime(field + ".end", t.getEnd());
        Integer maxRuns = t.hasMaxRuns() ? t.getMaxRuns() : null;
        DstPolicy dst = t.hasDst() ? dst(field + ".dst", t.getDst()) : null;
        Set<LocalDate> excluded = excludedDates(field + ".excluded_dates", t.getExcludedDatesList());
        // the domain names form fields "form.*"; on the wire they sit under the timing
        return underTiming(field, () -> new TimingInput(spec, t.getZone(), start, end, maxRuns, excluded, dst, form));
    }

    /** A saved timing as the wire shows it (a form reads back as its RRULE). */
    public static Timing toProto(ScheduleTiming timing) {
        Timing.Builder b = Timing.newBuilder().setZone(timing.zone().getId());
        RecurrenceSpec spec = timing.spec();
        if (spec instanceof RecurrenceSpec.OneTime o) {
            b.setOneTime(OneTime.newBuilder().setAt(o.at().toString()));
        } else if (spec instanceof RecurrenceSpec.RRule r) {
            b.setRrule(r.rule());
        } else if (spec instanceof RecurrenceSpec.Cron c) {
            b.setCron(c.expression());
        } else if (spec instanceof RecurrenceSpec.FixedInterval f) {
            b.setFixedInterval(ProtoTime.duration(f.every()));
        }
        if (timing.start() != null) {
            b.setStart(timing.start().toString());
        }
        if (timing.end() != null) {
            b.setEnd(timing.end().toString());
        }
        if (timing.maxRuns() != null) {
            b.setMaxRuns(timing.maxRuns());
        }
        timing.excludedDates().stream().sorted().forEach(d -> b.addExcludedDates(d.toString()));
        b.setDst(com.grepsr.scheduler.adapters.grpc.v1.DstPolicy.newBuilder()
                .setGap(DstGap.valueOf(ProtoEnums.toProto(timing.dst().gap(), DstGap.getDescriptor())))
                .setOverlap(DstOverlap.valueOf(ProtoEnums.toProto(timing.dst().overlap(), DstOverlap.getDescriptor()))));
        return b.build();
    }

    private static RecurrenceSpec oneTime(String field, OneTime o) {
        LocalDateTime at = ProtoTime.localDateTime(field, o.getAt());
        if (at == null) {
            throw ValidationException.of(field, "is required: the wall-clock date-time of the run");
        }
        return new RecurrenceSpec.OneTime(at);
    }

    private static ScheduleForm form(String timingField, com.grepsr.scheduler.adapters.grpc.v1.ScheduleForm f) {
        String field = timingField + ".form";
        LocalDateTime start = ProtoTime.localDateTime(field + ".start", f.getStart());
        ScheduleForm.Repeat repeat = ProtoEnums.toDomain(field + ".repeat", f.getRepeatValue(), Repeat.getDescriptor(),
                ScheduleForm.Repeat.class).orElse(null);
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        weekdays.addAll(ProtoEnums.toDomainSet(field + ".repeats_on_weekdays", f.getRepeatsOnWeekdaysValueList(),
                Weekday.getDescriptor(), DayOfWeek.class));
        LocalDate endsOn = ProtoTime.localDate(field + ".ends_on", f.getEndsOn());
        return underTiming(timingField, () -> new ScheduleForm(start, repeat,
                f.getEvery(), weekdays, new HashSet<>(f.getRepeatsOnMonthDaysList()), endsOn));
    }

    private static DstPolicy dst(String field, com.grepsr.scheduler.adapters.grpc.v1.DstPolicy d) {
        DstPolicy.Gap gap = ProtoEnums.toDomain(field + ".gap", d.getGapValue(), DstGap.getDescriptor(),
                DstPolicy.Gap.class).orElse(DstPolicy.DEFAULT.gap());
        DstPolicy.Overlap overlap = ProtoEnums.toDomain(field + ".overlap", d.getOverlapValue(),
                DstOverlap.getDescriptor(), DstPolicy.Overlap.class).orElse(DstPolicy.DEFAULT.overlap());
        return new DstPolicy(gap, overlap);
    }

    private static Set<LocalDate> excludedDates(String field, List<String> texts) {
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String at = field + "[" + i + "]";
            LocalDate d = ProtoTime.localDate(at, texts.get(i));
            if (d == null) {
                throw ValidationException.of(at, "must not be empty");
            }
            dates.add(d);
        }
        return dates;
    }

    /** Runs {@code build}, moving the domain's {@code form.*} violations under {@code timingField}. */
    private static <T> T underTiming(String timingField, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream()
                    .map(v -> v.field().startsWith("form.")
                            ? new ValidationException.FieldViolation(timingField + "." + v.field(), v.description())
                            : v)
                    .toList());
        }
    }
}
