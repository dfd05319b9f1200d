package com.grepsr.scheduler.domain.recurrence.rrule;

import static com.grepsr.scheduler.domain.recurrence.rrule.Horizon.SECONDS_PER_DAY;

import com.grepsr.scheduler.domain.recurrence.LocalSequence;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;

/**
 * An HOURLY, MINUTELY or SECONDLY rule. Its periods ("slots") are shorter than a day, so every
 * calendar part and every coarser clock part only limits: whether a slot fires depends on its day,
 * its place in the day, and whether it is an INTERVAL-th slot counted from DTSTART's. What fires
 * inside a slot (finer BYMINUTE/BYSECOND, then BYSETPOS) is the same for every slot, so it is
 * worked out once, and the seconds of the day that can ever fire are kept in one bit set.
 *
 * <p>The search walks day by day from its argument (days a BYMONTH rejects are skipped a month at
 * a time) up to the year 9999, and jumps between INTERVAL-th slots by arithmetic. It gives up
 * early when the calendar parts reject a whole 400-year cycle, or when no day can ever hold an
 * INTERVAL-th slot.
 */
final class ClockSequence implements LocalSequence {

    private static final long GREGORIAN_CYCLE_DAYS = 146_097;

    private final int unit;
    private final int slotsPerDay;
    private final int interval;
    private final long firstSlot;
    private final long startLocal;
    private final DayFilter filter;
    /** Seconds of the day that fire when their slot is an INTERVAL-th one. */
    private final BitSet candidates = new BitSet((int) SECONDS_PER_DAY);
    /** {@code slot % INTERVAL} of every slot of the day holding a candidate. */
    private final BitSet residues = new BitSet();
    private final boolean empty;

    ClockSequence(RuleParts r, LocalDateTime start) {
        this.unit = r.freq().seconds;
        this.slotsPerDay = (int) (SECONDS_PER_DAY / unit);
        this.interval = r.interval();
        this.startLocal = start.toEpochSecond(ZoneOffset.UTC);
        this.firstSlot = Math.floorDiv(startLocal, unit);
        this.filter = new DayFilter(r, start.toLocalDate());
        int[] offsets = offsetsInSlot(r, start);
        boolean[] hours = allowed(r.byHour(), 24);
        boolean[] minutes = allowed(r.byMinute(), 60);
        boolean[] seconds = allowed(r.bySecond(), 61);
        for (int slot = 0; slot < slotsPerDay && offsets.length > 0; slot++) {
            int sod = slot * unit;
            boolean limitsPass = hours[sod / 3_600] && (unit > 60 || minutes[sod / 60 % 60])
                    && (unit > 1 || seconds[sod % 60]);
            if (limitsPass) {
                for (int offset : offsets) {
                    candidates.set(sod + offset);
                }
                residues.set(slot % interval);
            }
        }
        this.empty = !anyDayOnGrid();
    }

    @Override
    public long nextLocal(long afterLocal) {
        if (afterLocal >= Horizon.END_LOCAL || empty) {
            return NONE;
        }
        long from = Math.max(afterLocal, startLocal - 1) + 1;
        long day = Math.floorDiv(from, SECONDS_PER_DAY);
        int fromSecond = (int) Math.floorMod(from, SECONDS_PER_DAY);
        long rejectedSince = day;
        while (day < Horizon.END_DAY) {
            if (!filter.matches(day)) {
                day = filter.nextCandidate(day);
                fromSecond = 0;
                // the calendar repeats every 400 years: a filter that rejected a whole cycle rejects all
                if (day - rejectedSince > GREGORIAN_CYCLE_DAYS) {
                    return NONE;
                }
                continue;
            }
            rejectedSince = day + 1;
            if (residues.get(gridResidue(day))) {
                long found = scanDay(day, fromSecond);
                if (found != NONE) {
                    return found;
                }
            }
            day++;
            fromSecond = 0;
        }
        return NONE;
    }

    /** The first candidate of {@code day} at or after {@code fromSecond} whose slot is on the grid. */
    private long scanDay(long day, int fromSecond) {
        long base = day * slotsPerDay;
        int c = candidates.nextSetBit(fromSecond);
        while (c >= 0) {
            int slot = c / unit;
            long toGrid = Math.floorMod(firstSlot - base - slot, (long) interval);
            if (toGrid == 0) {
                return day * SECONDS_PER_DAY + c;
            }
            long nextSlot = slot + toGrid;
            if (nextSlot >= slotsPerDay) {
                return NONE;
            }
            c = candidates.nextSetBit((int) nextSlot * unit);
        }
        return NONE;
    }

    /** Which residue a slot of {@code day} needs (slot ≡ this mod INTERVAL) to be on the grid. */
    private int gridResidue(long day) {
        return (int) Math.floorMod(firstSlot - day * slotsPerDay, (long) interval);
    }

    /** Residues repeat with a period of at most INTERVAL days: if none of those fits, none ever will. */
    private boolean anyDayOnGrid() {
        for (int day = 0; day < interval; day++) {
            if (residues.get(gridResidue(day))) {
                return true;
            }
        }
        return false;
    }

    /** Seconds after a slot's start that fire: the finer BYxxx parts (or DTSTART's), cut by BYSETPOS. */
    private static int[] offsetsInSlot(RuleParts r, LocalDateTime start) {
        int[] seconds = java.util.Arrays.stream(CalendarSequence.orStart(r.bySecond(), start.getSecond()))
                .filter(s -> s < 60).toArray();
        int[] offsets = switch (r.freq()) {
            case HOURLY -> {
                int[] minutes = CalendarSequence.orStart(r.byMinute(), start.getMinute());
                int[] all = new int[minutes.length * seconds.length];
                for (int i = 0; i < all.length; i++) {
                    all[i] = minutes[i / seconds.length] * 60 + seconds[i % seconds.length];
                }
                yield all;
            }
            case MINUTELY -> seconds;
            default -> new int[] {0};
        };
        return r.bySetPos() == null ? offsets : new SetPositions(r.bySetPos()).select(offsets);
    }

    private static boolean[] allowed(int[] values, int size) {
        boolean[] table = new boolean[size];
        for (int i = 0; i < size; i++) {
            table[i] = values == null;
        }
        if (values != null) {
            for (int v : values) {
                table[v] = true;
            }
        }
        return table;
    }
}
