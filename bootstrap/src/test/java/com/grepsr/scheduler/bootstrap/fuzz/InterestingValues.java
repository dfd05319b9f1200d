package com.grepsr.scheduler.bootstrap.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a fuzzed field draws from, chosen by the field's name where the name says what it
 * holds (ids of objects that exist, zones, crons, wall-clock times, page tokens …) and by its type
 * otherwise. Each pool has plausible values — what a well-behaved client sends, so requests get
 * past the first check and sometimes succeed — and hostile ones: just past a limit, the wrong
 * kind of id, unicode, control characters, injection, plain nonsense.
 */
final class InterestingValues {

    /** Plausible and hostile values of one kind. */
    record Pool<T>(List<T> plausible, List<T> hostile) {
    }

    static final String HUGE = "x".repeat(100_000);
    static final String HUGE_UNICODE = "ü日🚀".repeat(20_000);

    static final Pool<String> ANY_TEXT = new Pool<>(List.of("shoes", "a", "daily crawl", "日本語 🚀", "Ünïcödé"),
            List.of("", " ", "\u0000", "line\nbreak", "'; DROP TABLE tasks; --", "%s%n%d", "../../etc/passwd",
                    "\uD800", "\u202Eevil", "a".repeat(64), "a".repeat(65), "a".repeat(4096), "a".repeat(4097),
                    "null", "-1"));

    /** Strings that would be ids, but are not valid ones or name nothing. */
    static final List<String> BAD_IDS = List.of("", "unknown-1", "../x", "a b", "日本", "a".repeat(64), "a".repeat(65),
            "-leading", "x:y.z_1", "\u0000", "%", "0");

    static final Pool<String> ZONES = new Pool<>(List.of("UTC", "Europe/London", "America/New_York",
            "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham"), List.of("Europe/Atlantis", "", "+25:00",
            "UTC+01:00", "GMT+14", "Z", "utc", "America/Argentina/ComodRivadavia", "SystemV/EST5", "Europe/London "));

    static final Pool<String> CRONS = new Pool<>(List.of("* * * * *", "0 9 * * MON-FRI", "*/5 * * * * *",
            "0 0 L * ?", "0 0 12 ? * 6#3", "@daily", "@hourly", "0 30 2 * * *", "0 0 ? * L-3", "0 0 1W * ?"),
            List.of("0 0 0 1 1 ? 2099", "0 0 30 2 *", "0 0 0 1 1 ? 1999", "61 * * * *", "", "* * *", "0 0 0 0 0",
                    "@never", "1-1000000/0 * * * *", "* * * * * * * *"));

    static final Pool<String> RRULES = new Pool<>(List.of("FREQ=DAILY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=HOURLY;COUNT=5",
            "FREQ=MONTHLY;BYDAY=2MO;BYSETPOS=1"), List.of("FREQ=SECONDLY", "FREQ=DAILY;UNTIL=20200101T000000Z",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=WEEKLY;BYDAY=XX", "FREQ=", "", "RRULE:FREQ=DAILY",
            "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=-1", "FREQ=MINUTELY;INTERVAL=2147483647"));

    static final Pool<String> LOCAL_TIMES = new Pool<>(List.of("2026-12-01T09:00", "2027-01-01T00:00",
            "2026-03-29T01:30", "2026-10-25T01:30", "2027-03-14T02:30", "2026-12-24T18:15:30"),
            List.of("2099-12-31T23:59:59", "9999-12-31T23:59", "2026-02-30T00:00", "2026-12-01", "09:00",
                    "2026-12-01T09:00Z", "2026-12-01 09:00", "yesterday", "", "+999999999-12-31T23:59:59",
                    "0000-01-01T00:00", "1970-01-01T00:00"));

    static final Pool<String> DATES = new Pool<>(List.of("2026-12-24", "2027-01-01", "2027-06-30", "2028-02-29"),
            List.of("2020-01-01", "9999-12-31", "2026-02-29", "", "24/12/2026", "2026-12-24T00:00", "-0001-01-01"));

    static final Pool<String> PARAMETER_KEYS = new Pool<>(List.of("category", "_x", "page", "PARAM"),
            List.of("1bad", "", "a b", "k".repeat(65), "日本", "a=b"));

    static final Pool<String> SERVICE_CODES = new Pool<>(List.of("demo", "amazon-products"),
            List.of("", "unknown-crawler", "a b", "a".repeat(65)));

    static final Pool<Integer> INTS = new Pool<>(List.of(0, 1, 2, 3, 5, 10),
            List.of(-1, -100, Integer.MIN_VALUE, Integer.MAX_VALUE, 24, 31, -31, 32, 50, 100, 101, 500, 501, 1000, 1001,
                    10_000, 10_001, 100_000, 100_001));

    static final Pool<Long> LONGS = new Pool<>(List.of(0L, 1L, 2L, 3L),
            List.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1, 1000L));

    static final Pool<Long> DURATION_SECONDS = new Pool<>(List.of(60L, 3600L, 86_400L, 1800L),
            List.of(1L, 30L, 7 * 86_400L, 8 * 86_400L, 0L, -1L, 315_576_000_000L, 315_576_000_001L, Long.MAX_VALUE,
                    Long.MIN_VALUE));

    static final Pool<Integer> NANOS = new Pool<>(List.of(0),
            List.of(500_000_000, 999_999_999, 1_000_000_000, -5, Integer.MIN_VALUE));

    static final List<Integer> UNKNOWN_ENUM_NUMBERS = List.of(-1, 9, 42, Integer.MAX_VALUE);

    /** How many elements a repeated field gets. */
    static final Pool<Integer> REPEATS = new Pool<>(List.of(0, 0, 0, 1, 1, 2), List.of(3, 50, 501, 1001));

    private final SeededIds seeded;
    private final Pool<String> pageTokens;
    private final Pool<Long> timestampSeconds;

    InterestingValues(SeededIds seeded, Instant now) {
        this.seeded = seeded;
        List<String> tampered = new ArrayList<>(List.of("garbage", "AAAA", "====", "eyJ0IjoxfQ", "bnVsbA", "%%%",
                HUGE));
        for (String t : seeded.pageTokens()) {
            tampered.add(t.substring(0, t.length() / 2)); // truncated
            tampered.add(t + "A"); // extended
            tampered.add(new StringBuilder(t).reverse().toString()); // same characters, wrong content
        }
        List<String> real = new ArrayList<>(seeded.pageTokens());
        real.add(""); // the first page
        this.pageTokens = new Pool<>(List.copyOf(real), List.copyOf(tampered));
        long n = now.getEpochSecond();
        long day = 86_400;
        this.timestampSeconds = new Pool<>(List.of(n, n - 3600, n + 3600, n + day, n + 2 * day, n - day, n - 30 * day),
                List.of(n - 100 * day, n + 40 * day, n + 6 * 365 * day, 0L, -1L, -62_135_596_800L, -62_135_596_801L,
                        253_402_300_799L, 253_402_300_800L, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** The string pool for a field of this name, or {@link #ANY_TEXT}. */
    Pool<String> stringsFor(String field) {
        return switch (field) {
            case "schedule_id" -> ids(seeded.schedules(), seeded.tasks());
            case "task_id", "task_ids" -> ids(seeded.tasks(), seeded.schedules());
            case "parent_task_id" -> ids(seeded.parents(), seeded.tasks());
            case "scheduled_run_id" -> ids(seeded.runs(), seeded.tasks());
            case "job_name" -> ids(seeded.jobNames(), seeded.tasks());
            case "account_id" -> ids(SeededIds.ACCOUNTS, List.of("initech"));
            case "report_id" -> ids(concat(SeededIds.REPORTS, List.of("report-new-1", "report-new-2")), List.of());
            case "project_id" -> ids(concat(SeededIds.PROJECTS, List.of("proj-new")), List.of());
            case "service_code" -> SERVICE_CODES;
            case "zone" -> ZONES;
            case "cron" -> CRONS;
            case "rrule" -> RRULES;
            case "start", "end", "at" -> LOCAL_TIMES;
            case "ends_on", "excluded_dates" -> DATES;
            case "page_token" -> pageTokens;
            case "key" -> PARAMETER_KEYS;
            default -> ANY_TEXT;
        };
    }

    Pool<Long> timestampSeconds() {
        return timestampSeconds;
    }

    /** History entries that exist (GetTaskHistoryInfo reads one by its sequence). */
    Pool<Long> sequences() {
        return new Pool<>(seeded.sequences(), LONGS.hostile());
    }

    /** Real ids are plausible; an id of another kind of object, or a malformed one, is hostile. */
    private static Pool<String> ids(List<String> real, List<String> otherKind) {
        return new Pool<>(real.isEmpty() ? List.of("unknown-1") : real, concat(otherKind, BAD_IDS));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
