package com.grepsr.scheduler.bootstrap.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a fuzzed field draws from, chosen by the field's name where the name says what it
 * holds (ids of objects that exist, zones, crons, wall-clock times, page tokens …) and by its type
 * otherwise. Each pool mixes values the server should accept with values just past a limit and
 * plain nonsense, so requests reach deep into validation and, now and then, succeed.
 */
final class InterestingValues {

    static final String HUGE = "x".repeat(100_000);
    static final String HUGE_UNICODE = "ü日🚀".repeat(20_000);

    /** Anywhere a string goes: empty, limits, unicode, control characters, injection, huge. */
    static final List<String> ANY_TEXT = List.of("", "a", " ", "shoes", "日本語 🚀", "\u0000", "line\nbreak",
            "'; DROP TABLE tasks; --", "%s%n%d", "../../etc/passwd", "\uD800", "\u202Eevil", "a".repeat(64),
            "a".repeat(65), "a".repeat(4096), "a".repeat(4097), "null", "-1", "true");

    /** Strings that would be ids, but are not valid ones or name nothing. */
    static final List<String> BAD_IDS = List.of("", "unknown-1", "../x", "a b", "日本", "a".repeat(64), "a".repeat(65),
            "-leading", "x:y.z_1", "\u0000", "%", "0");

    static final List<String> ZONES = List.of("UTC", "Europe/London", "America/New_York", "Asia/Kathmandu",
            "Australia/Lord_Howe", "Pacific/Chatham", "Europe/Atlantis", "", "+25:00", "UTC+01:00", "GMT+14",
            "Z", "utc", "America/Argentina/ComodRivadavia", "SystemV/EST5");

    static final List<String> CRONS = List.of("* * * * *", "0 9 * * MON-FRI", "*/5 * * * * *", "0 0 L * ?",
            "0 0 12 ? * 6#3", "@daily", "@hourly", "0 0 0 1 1 ? 2099", "0 30 2 * * *", "0 0 30 2 *",
            "0 0 0 1 1 ? 1999", "61 * * * *", "", "* * *", "0 0 0 0 0", "@never", "0 0 ? * L-3", "0 0 1W * ?",
            "1-1000000/0 * * * *", "* * * * * * * *");

    static final List<String> RRULES = List.of("FREQ=DAILY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=HOURLY;COUNT=5",
            "FREQ=SECONDLY", "FREQ=MONTHLY;BYDAY=2MO;BYSETPOS=1", "FREQ=DAILY;UNTIL=20200101T000000Z",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=WEEKLY;BYDAY=XX", "FREQ=", "", "RRULE:FREQ=DAILY",
            "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=-1", "FREQ=MINUTELY;INTERVAL=2147483647");

    static final List<String> LOCAL_TIMES = List.of("2026-12-01T09:00", "2026-11-27T06:00", "2027-01-01T00:00",
            "2026-03-29T01:30", "2026-10-25T01:30", "2026-03-08T02:30", "2099-12-31T23:59:59", "9999-12-31T23:59",
            "2026-02-30T00:00", "2026-12-01", "09:00", "2026-12-01T09:00Z", "2026-12-01 09:00", "yesterday", "",
            "+999999999-12-31T23:59:59", "0000-01-01T00:00", "1970-01-01T00:00");

    static final List<String> DATES = List.of("2026-12-24", "2027-01-01", "2026-11-27", "2020-01-01", "9999-12-31",
            "2026-02-29", "2028-02-29", "", "24/12/2026", "2026-12-24T00:00", "-0001-01-01");

    static final List<String> PARAMETER_KEYS = List.of("category", "_x", "page", "1bad", "", "a b", "k".repeat(65),
            "日本", "PARAM");

    static final List<String> SERVICE_CODES = List.of("demo", "amazon-products", "", "unknown-crawler", "a b");

    private final SeededIds seeded;
    private final List<String> pageTokens;

    InterestingValues(SeededIds seeded) {
        this.seeded = seeded;
        List<String> tokens = new ArrayList<>(seeded.pageTokens());
        for (String t : seeded.pageTokens()) {
            tokens.add(t.substring(0, t.length() / 2)); // truncated
            tokens.add(t + "A"); // extended
            tokens.add(new StringBuilder(t).reverse().toString()); // same characters, wrong content
        }
        tokens.addAll(List.of("", "garbage", "AAAA", "====", "eyJ0IjoxfQ", "bnVsbA", "%%%", HUGE));
        this.pageTokens = List.copyOf(tokens);
    }

    /** The string pool for a field of this name, or null for "any text". */
    List<String> stringsFor(String field) {
        return switch (field) {
            case "schedule_id" -> mix(seeded.schedules(), seeded.tasks());
            case "task_id", "task_ids" -> mix(seeded.tasks(), seeded.schedules());
            case "parent_task_id" -> mix(seeded.parents(), seeded.tasks());
            case "scheduled_run_id" -> mix(seeded.runs(), seeded.tasks());
            case "job_name" -> mix(seeded.jobNames(), seeded.tasks());
            case "account_id" -> mix(SeededIds.ACCOUNTS, List.of("initech"));
            case "report_id" -> mix(SeededIds.REPORTS, List.of("report-new-1", "report-new-2"));
            case "project_id" -> mix(SeededIds.PROJECTS, List.of("proj-new"));
            case "service_code" -> SERVICE_CODES;
            case "zone" -> ZONES;
            case "cron" -> CRONS;
            case "rrule" -> RRULES;
            case "start", "end", "at" -> LOCAL_TIMES;
            case "ends_on", "excluded_dates" -> DATES;
            case "page_token" -> pageTokens;
            case "key" -> PARAMETER_KEYS;
            default -> null;
        };
    }

    /** History entries that exist (GetTaskHistoryInfo reads one by its sequence). */
    List<Long> seededSequences() {
        return seeded.sequences();
    }

    /** Mostly the real ones, some of another kind (ids mixed up), some bad. */
    private static List<String> mix(List<String> real, List<String> otherKind) {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.addAll(real);
        }
        pool.addAll(otherKind);
        pool.addAll(BAD_IDS);
        return pool;
    }

    static final List<Integer> INTS = List.of(0, 1, 2, 3, 5, 10, -1, -100, Integer.MIN_VALUE, Integer.MAX_VALUE,
            24, 31, -31, 32, 50, 100, 101, 500, 501, 1000, 1001, 10_000, 10_001, 100_000, 100_001);

    static final List<Long> LONGS = List.of(0L, 1L, 2L, 3L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
            (long) Integer.MAX_VALUE + 1);

    /** Timestamp seconds around the run's "now" and at the ends of what a Timestamp may hold. */
    static List<Long> timestampSeconds(Instant now) {
        long n = now.getEpochSecond();
        long day = 86_400;
        return List.of(n, n - 3600, n + 3600, n + day, n + 2 * day, n - day, n - 30 * day, n - 100 * day,
                n + 40 * day, n + 6 * 365 * day, 0L, -1L, -62_135_596_800L, -62_135_596_801L, 253_402_300_799L,
                253_402_300_800L, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static final List<Long> DURATION_SECONDS = List.of(1L, 30L, 60L, 3600L, 86_400L, 7 * 86_400L, 8 * 86_400L, 0L,
            -1L, 315_576_000_000L, 315_576_000_001L, Long.MAX_VALUE, Long.MIN_VALUE);

    static final List<Integer> NANOS = List.of(0, 0, 0, 500_000_000, 999_999_999, 1_000_000_000, -5,
            Integer.MIN_VALUE);

    static final List<Integer> UNKNOWN_ENUM_NUMBERS = List.of(-1, 9, 42, Integer.MAX_VALUE);

    /** How many elements a repeated field gets, weighted towards few. */
    static final List<Integer> REPEATS = List.of(0, 0, 0, 0, 1, 1, 1, 2, 3, 50, 501, 1001);
}
