package com.grepsr.scheduler.domain.recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Limits on a recurrence: the first and last instant it may fire (both inclusive), the most
 * times it may fire counted from {@code start}, and local dates on which it never fires.
 * Absent limits are {@code null}; {@link #NONE} has none.
 *
 * @param start         no occurrence before this instant (required when {@code maxRuns} is set)
 * @param end           no occurrence after this instant
 * @param maxRuns       at most this many occurrences from {@code start} (1 … {@value #MAX_RUNS})
 * @param excludedDates wall-clock dates (in the recurrence's zone) that never fire; kept in calendar order
 */
public record Bounds(Instant start, Instant end, Integer maxRuns, Set<LocalDate> excludedDates) {

    /** The largest accepted {@code maxRuns}. */
    public static final int MAX_RUNS = 1_000_000;
    /** The most excluded dates a recurrence may carry. */
    public static final int MAX_EXCLUDED_DATES = 10_000;
    /** No limits at all. */
    public static final Bounds NONE = new Bounds(null, null, null, Set.of());

    public Bounds {
        excludedDates = sortedCopy(excludedDates);
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (maxRuns != null && (maxRuns < 1 || maxRuns > MAX_RUNS)) {
            throw new IllegalArgumentException("maximum number of runs must be between 1 and " + MAX_RUNS
                    + ", was " + maxRuns);
        }
        if (maxRuns != null && start == null) {
            throw new IllegalArgumentException("a maximum number of runs needs a start to count from");
        }
    }

    /** An unmodifiable copy in calendar order, so that descriptions do not depend on hashing. */
    private static Set<LocalDate> sortedCopy(Set<LocalDate> dates) {
        if (dates == null || dates.isEmpty()) {
            return Set.of();
        }
        // checked before copying: an absurdly large set is refused without being walked
        if (dates.size() > MAX_EXCLUDED_DATES) {
            throw new IllegalArgumentException("at most " + MAX_EXCLUDED_DATES + " excluded dates, got " + dates.size());
        }
        TreeSet<LocalDate> sorted = new TreeSet<>();
        for (LocalDate date : dates) {
            if (date == null) {
                throw new IllegalArgumentException("excluded dates must not contain null");
            }
            sorted.add(date);
        }
        return Collections.unmodifiableSortedSet(sorted);
    }

    public Bounds startingAt(Instant newStart) {
        return new Bounds(newStart, end, maxRuns, excludedDates);
    }

    public Bounds endingAt(Instant newEnd) {
        return new Bounds(start, newEnd, maxRuns, excludedDates);
    }

    public Bounds limitedTo(Integer newMaxRuns) {
        return new Bounds(start, end, newMaxRuns, excludedDates);
    }

    public Bounds excluding(Set<LocalDate> dates) {
        return new Bounds(start, end, maxRuns, dates);
    }
}
