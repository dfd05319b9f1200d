package com.grepsr.scheduler.domain.recurrence.rrule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slow, obvious reading of a rule, to check the engine against: walk every INTERVAL-th period
 * from DTSTART's with java.time arithmetic, list every candidate of the period, test each against the
 * rule, apply BYSETPOS to the sorted list, drop what precedes DTSTART. No jumps, no index arithmetic,
 * no shared code with the engine beyond the parsed parts. Then the default DST policy by hand.
 */
final class BruteForceOracle {

    private final RuleParts r;
    private final LocalDateTime start;
    private final WeekFields weeks;

    BruteForceOracle(String rule, LocalDateTime start) {
        this.r = RRuleParser.parse(rule);
        this.start = start;
        this.weeks = WeekFields.of(r.wkst(), 4);
    }

    /** Instants of the rule (COUNT and UNTIL applied) whose wall-clock time is at or before {@code horizon}. */
    List<Instant> instants(ZoneId zone, LocalDateTime horizon) {
        List<Instant> out = new ArrayList<>();
        Instant until = r.until() == null ? null : r.until().resolve(zone);
        for (LocalDateTime local : locals(horizon)) {
            Instant at = defaultPolicy(local, zone);
            if (!out.isEmpty() && out.get(out.size() - 1).equals(at)) {
                continue; // several gap times merge into one firing
            }
            if ((r.count() != null && out.size() == r.count()) || (until != null && at.isAfter(until))) {
                break;
            }
            out.add(at);
        }
        return out;
    }

    /** Wall-clock occurrences from DTSTART up to {@code horizon} inclusive. */
    List<LocalDateTime> locals(LocalDateTime horizon) {
        List<LocalDateTime> out = new ArrayList<>();
        for (long k = 0; ; k += r.interval()) {
            LocalDateTime periodStart = periodStart(k);
            if (periodStart.isAfter(horizon)) {
                return out;
            }
            List<LocalDateTime> set = new ArrayList<>();
            for (LocalDateTime c : candidates(periodStart, periodEnd(periodStart))) {
                if (matches(c)) {
                    set.add(c);
                }
            }
            set.sort(null);
            if (r.bySetPos() != null) {
                List<LocalDateTime> picked = new ArrayList<>();
                for (int p : r.bySetPos()) {
                    int i = p > 0 ? p - 1 : set.size() + p;
                    if (i >= 0 && i < set.size() && !picked.contains(set.get(i))) {
                        picked.add(set.get(i));
                    }
                }
                picked.sort(null);
                set = picked;
            }
            for (LocalDateTime c : set) {
                if (!c.isBefore(start) && !c.isAfter(horizon)) {
                    out.add(c);
                }
            }
        }
    }

    private LocalDateTime periodStart(long k) {
        LocalDate d = start.toLocalDate();
        return switch (r.freq()) {
            case SECONDLY -> start.plusSeconds(k);
            case MINUTELY -> start.truncatedTo(ChronoUnit.MINUTES).plusMinutes(k);
            case HOURLY -> start.truncatedTo(ChronoUnit.HOURS).plusHours(k);
            case DAILY -> d.plusDays(k).atStartOfDay();
            case WEEKLY -> d.with(TemporalAdjusters.previousOrSame(r.wkst())).plusWeeks(k).atStartOfDay();
            case MONTHLY -> d.withDayOfMonth(1).plusMonths(k).atStartOfDay();
            case YEARLY -> r.byWeekNo() == null ? d.withDayOfYear(1).plusYears(k).atStartOfDay()
                    : week1(start.get(weeks.weekBasedYear()) + (int) k).atStartOfDay();
        };
    }

    private LocalDateTime periodEnd(LocalDateTime s) {
        return switch (r.freq()) {
            case SECONDLY -> s.plusSeconds(1);
            case MINUTELY -> s.plusMinutes(1);
            case HOURLY -> s.plusHours(1);
            case DAILY -> s.plusDays(1);
            case WEEKLY -> s.plusWeeks(1);
            case MONTHLY -> s.plusMonths(1);
            case YEARLY -> r.byWeekNo() == null ? s.plusYears(1)
                    : week1(s.toLocalDate().plusDays(7).get(weeks.weekBasedYear()) + 1).atStartOfDay();
        };
    }

    private LocalDate week1(int weekBasedYear) {
        return LocalDate.of(weekBasedYear, 1, 4).with(TemporalAdjusters.previousOrSame(r.wkst()));
    }

    /** Every date-time of the period the expanding parts (or DTSTART) can produce. */
    private List<LocalDateTime> candidates(LocalDateTime from, LocalDateTime to) {
        int[] minutes = r.byMinute() != null ? r.byMinute() : new int[] {start.getMinute()};
        int[] seconds = r.bySecond() != null ? r.bySecond() : new int[] {start.getSecond()};
        int[] hours = r.byHour() != null ? r.byHour() : new int[] {start.getHour()};
        List<LocalDateTime> out = new ArrayList<>();
        switch (r.freq()) {
            case SECONDLY -> out.add(from);
            case MINUTELY -> Arrays.stream(seconds).filter(s -> s < 60).forEach(s -> out.add(from.withSecond(s)));
            case HOURLY -> {
                for (int m : minutes) {
                    Arrays.stream(seconds).filter(s -> s < 60).forEach(s -> out.add(from.withMinute(m).withSecond(s)));
                }
            }
            default -> {
                for (LocalDate d = from.toLocalDate(); d.isBefore(to.toLocalDate()); d = d.plusDays(1)) {
                    if (!dayMatches(d)) {
                        continue;
                    }
                    for (int h : hours) {
                        for (int m : minutes) {
                            for (int s : seconds) {
                                if (s < 60) {
                                    out.add(d.atTime(h, m, s));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private boolean matches(LocalDateTime c) {
        if (!r.freq().isSubDaily()) {
            return true; // the day was tested while listing, and the times were built from the parts
        }
        return dayMatches(c.toLocalDate())
                && (r.byHour() == null || contains(r.byHour(), c.getHour()))
                && (r.freq() == Frequency.HOURLY || r.byMinute() == null || contains(r.byMinute(), c.getMinute()))
                && (r.freq() != Frequency.SECONDLY || r.bySecond() == null || contains(r.bySecond(), c.getSecond()));
    }

    private boolean dayMatches(LocalDate d) {
        Frequency f = r.freq();
        int[] byMonth = r.byMonth();
        int[] byMonthDay = r.byMonthDay();
        List<WeekdayNum> byDay = r.byDay();
        boolean dayParts = byDay != null || byMonthDay != null || r.byYearDay() != null || r.byWeekNo() != null;
        if (f == Frequency.YEARLY && !dayParts) {
            byMonthDay = new int[] {start.getDayOfMonth()};
            byMonth = byMonth != null ? byMonth : new int[] {start.getMonthValue()};
        } else if (f == Frequency.YEARLY && byMonthDay != null && byMonth == null && r.byWeekNo() == null
                && r.byYearDay() == null) {
            byMonth = new int[] {start.getMonthValue()};
        } else if (f == Frequency.MONTHLY && byMonthDay == null && byDay == null) {
            byMonthDay = new int[] {start.getDayOfMonth()};
        } else if (f == Frequency.WEEKLY && byDay == null) {
            byDay = List.of(new WeekdayNum(0, start.getDayOfWeek()));
        } else if (f == Frequency.YEARLY && r.byWeekNo() != null && byDay == null && byMonthDay == null
                && r.byYearDay() == null) {
            byDay = List.of(new WeekdayNum(0, start.getDayOfWeek()));
        }
        if (byMonth != null && !contains(byMonth, d.getMonthValue())) {
            return false;
        }
        if (byMonthDay != null && !containsSigned(byMonthDay, d.getDayOfMonth(), d.lengthOfMonth())) {
            return false;
        }
        if (r.byYearDay() != null && !containsSigned(r.byYearDay(), d.getDayOfYear(), d.lengthOfYear())) {
            return false;
        }
        if (r.byWeekNo() != null && !containsSigned(r.byWeekNo(), d.get(weeks.weekOfWeekBasedYear()),
                (int) d.range(weeks.weekOfWeekBasedYear()).getMaximum())) {
            return false;
        }
        if (byDay == null) {
            return true;
        }
        boolean inYear = f == Frequency.YEARLY && r.byMonth() == null;
        int pos = inYear ? d.getDayOfYear() : d.getDayOfMonth();
        int len = inYear ? d.lengthOfYear() : d.lengthOfMonth();
        for (WeekdayNum w : byDay) {
            DayOfWeek day = w.day();
            if (day == d.getDayOfWeek() && (w.ordinal() == 0 || w.ordinal() == (pos - 1) / 7 + 1
                    || w.ordinal() == -((len - pos) / 7 + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] values, int v) {
        return Arrays.stream(values).anyMatch(x -> x == v);
    }

    private static boolean containsSigned(int[] values, int v, int length) {
        return Arrays.stream(values).anyMatch(x -> x == v || x == v - length - 1);
    }

    /** Gap → the first instant after the gap; overlap → the earlier offset. */
    static Instant defaultPolicy(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        return t != null && t.isGap() ? t.getInstant() : local.atZone(zone).toInstant();
    }
}
