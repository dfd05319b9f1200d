package com.grepsr.scheduler.domain.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * How a schedule repeats, as the user wrote it. Turned into a
 * {@link com.grepsr.scheduler.domain.recurrence.Recurrence} by {@link ScheduleTiming}, which adds
 * the zone and the bounds.
 */
public sealed interface RecurrenceSpec {

    /** Fires once at a wall-clock date-time. */
    record OneTime(LocalDateTime at) implements RecurrenceSpec {
        public OneTime {
            Objects.requireNonNull(at, "at");
        }
    }

    /** An RFC 5545 RRULE; its DTSTART is the schedule's start. */
    record RRule(String rule) implements RecurrenceSpec {
        public RRule {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** A cron expression (5, 6 or 7 fields, macros, Quartz extensions). */
    record Cron(String expression) implements RecurrenceSpec {
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }
    }

    /** Every fixed amount of elapsed time from the schedule's start. */
    record FixedInterval(Duration every) implements RecurrenceSpec {
        public FixedInterval {
            Objects.requireNonNull(every, "every");
        }
    }
}
