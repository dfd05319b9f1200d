package com.grepsr.scheduler.domain.recurrence.rrule;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generated rules for the property tests: any FREQ, small INTERVAL, random BYxxx combinations that
 * RFC 5545 allows, optional COUNT or UNTIL, DTSTART in 1970–2100, a zone with awkward transitions,
 * and a query window a few periods long so that the brute-force oracle stays quick.
 */
final class RuleCases {

    static final List<ZoneId> ZONES = List.of("America/New_York", "Europe/London", "Australia/Lord_Howe",
            "Asia/Kathmandu", "America/Santiago", "Pacific/Apia", "UTC").stream().map(ZoneId::of).toList();
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    private static final DateTimeFormatter UNTIL_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** One generated case; {@code after} and {@code window} are seconds from DTSTART and window length. */
    record Case(String rule, LocalDateTime start, ZoneId zone, long afterOffset, long window) {
        @Override
        public String toString() {
            return rule + " from " + start + " in " + zone + ", window (" + afterOffset + " s after start, +"
                    + window + " s]";
        }
    }

    private RuleCases() {
    }

    /** Rules with COUNT/UNTIL (withBounds) or without, in every test zone. */
    static Gen<Case> cases(boolean withBounds) {
        return in -> generate(in, withBounds);
    }

    private static Case generate(RandomnessSource in, boolean withBounds) {
        Frequency f = Frequency.values()[pick(in, 0, 6)];
        int interval = chance(in, 50) ? 1 : pick(in, 2, chance(in, 80) ? 4 : 12);
        StringBuilder rule = new StringBuilder("FREQ=" + f);
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        boolean yearly = f == Frequency.YEARLY;
        boolean weekNo = yearly && chance(in, 10);
        boolean byMonth = chance(in, 25);
        if (byMonth) {
            rule.append(";BYMONTH=").append(list(in, 3, 1, 12, false));
        }
        if (weekNo) {
            rule.append(";BYWEEKNO=").append(list(in, 2, 1, 53, true));
        }
        if ((yearly || f.isSubDaily()) && chance(in, 12)) {
            rule.append(";BYYEARDAY=").append(list(in, 3, 1, 366, true));
        }
        if (f != Frequency.WEEKLY && chance(in, 30)) {
            rule.append(";BYMONTHDAY=").append(list(in, 3, 1, 31, true));
        }
        if (chance(in, 40)) {
            boolean ordinals = !weekNo && (f == Frequency.MONTHLY || yearly) && chance(in, 50);
            int maxOrdinal = f == Frequency.MONTHLY || byMonth ? 5 : 53;
            TreeSet<String> days = new TreeSet<>();
            for (int i = pick(in, 1, 3); i > 0; i--) {
                String day = DAYS[pick(in, 0, 6)];
                days.add(ordinals ? (chance(in, 50) ? "-" : "") + pick(in, 1, maxOrdinal) + day : day);
            }
            rule.append(";BYDAY=").append(String.join(",", days));
        }
        // keep periods small for the oracle: sub-daily rules list at most a few hours/minutes
        if (chance(in, 30)) {
            rule.append(";BYHOUR=").append(list(in, 3, 0, 23, false));
        }
        if (chance(in, f == Frequency.SECONDLY ? 50 : 30)) {
            rule.append(";BYMINUTE=").append(list(in, 3, 0, 59, false));
        }
        if (chance(in, f.isSubDaily() ? 40 : 20)) {
            rule.append(";BYSECOND=").append(list(in, 2, 0, 59, false));
        }
        if (rule.indexOf(";BY") >= 0 && chance(in, 20)) {
            rule.append(";BYSETPOS=").append(list(in, 2, 1, 8, true));
        }
        if (chance(in, 20)) {
            rule.append(";WKST=").append(DAYS[pick(in, 0, 6)]);
        }
        LocalDateTime start = LocalDateTime.of(1970, 1, 1, 0, 0).plusSeconds(
                longs().between(0, Duration.ofDays(130L * 365).toSeconds()).generate(in));
        long span = span(f) * Math.min(interval, 4);
        ZoneId zone = ZONES.get(pick(in, 0, ZONES.size() - 1));
        if (withBounds && chance(in, 40)) {
            if (chance(in, 50)) {
                rule.append(";COUNT=").append(pick(in, 1, 30));
            } else {
                LocalDateTime until = start.plusSeconds(longs().between(0, 2 * span).generate(in));
                rule.append(";UNTIL=").append(switch (pick(in, 0, 2)) {
                    case 0 -> LocalDateTime.ofInstant(BruteForceOracle.defaultPolicy(until, zone), java.time.ZoneOffset.UTC)
                            .format(UNTIL_LOCAL) + "Z";
                    case 1 -> until.format(UNTIL_LOCAL);
                    default -> until.format(DateTimeFormatter.BASIC_ISO_DATE);
                });
            }
        }
        long after = longs().between(-span / 4, 2 * span).generate(in);
        long window = longs().between(1, span).generate(in);
        return new Case(rule.toString(), start, zone, after, window);
    }

    /** A window length that covers a handful of periods while the oracle lists each one. */
    private static long span(Frequency f) {
        return switch (f) {
            case SECONDLY -> 3_600;
            case MINUTELY -> 86_400;
            case HOURLY -> 20 * 86_400L;
            case DAILY -> 400 * 86_400L;
            case WEEKLY -> 3 * 365 * 86_400L;
            case MONTHLY -> 8 * 365 * 86_400L;
            case YEARLY -> 20 * 365 * 86_400L;
        };
    }

    private static String list(RandomnessSource in, int maxSize, int min, int max, boolean signed) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int i = pick(in, 1, maxSize); i > 0; i--) {
            int v = pick(in, min, max);
            values.add(signed && chance(in, 30) ? -v : v);
        }
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static int pick(RandomnessSource in, int min, int max) {
        return integers().between(min, max).generate(in);
    }

    private static boolean chance(RandomnessSource in, int percent) {
        return pick(in, 1, 100) <= percent;
    }
}
