package com.grepsr.scheduler.domain.recurrence.rrule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;

/**
 * The UNTIL part as written: a UTC date-time ({@code 20270101T000000Z}), a local date-time in the
 * schedule's zone ({@code 20270101T000000}) or a date ({@code 20270101}), which includes that whole
 * local day. Resolved to the last allowed instant once the zone is known.
 */
record Until(LocalDateTime dateTime, boolean utc, boolean dateOnly) {

    Instant resolve(ZoneId zone) {
        if (utc) {
            return dateTime.toInstant(ZoneOffset.UTC);
        }
        if (dateOnly) {
            // inclusive through the day: one second before the next local day starts (atStartOfDay
            // already handles zones whose midnight falls into a gap)
            return dateTime.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        }
        // a wall time in a gap ends at the gap's end, where the default DST policy fires such
        // times; an ambiguous one resolves to its earlier offset, as the default policy fires it
        ZoneOffsetTransition gap = zone.getRules().getTransition(dateTime);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return dateTime.atZone(zone).toInstant();
    }
}
