package com.grepsr.scheduler.benchmarks.horizon;

import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, realistic mix of crawler schedules, as the platform's schedule form makes them:
 * mostly daily and weekly crawls, some hourly, a few every 15 minutes, monthly ones on the last
 * day ({@code L}). Minutes, hours and zones are spread so that runs fall all over the clock rather
 * than on the same instant. The shares are the benchmark's parameters and are printed with it.
 */
final class ScheduleMix {

    /** A kind of schedule and its share of the mix, in percent. */
    record Kind(String name, int percent) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("every 15 minutes", 1),
            new Kind("hourly", 9),
            new Kind("daily at 1-4 times", 50),
            new Kind("weekly on 1-2 days", 25),
            new Kind("monthly on the last day (L)", 15));

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/London"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Europe/Berlin"));
    private static final String[] DAYS = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    private ScheduleMix() {
    }

    /** The {@code i}-th schedule of the mix (the same for the same {@code i} in every run). */
    static Schedule schedule(int i, Instant createdAt) {
        Random r = new Random(i * 7919L + 17);
        int pick = i % 100;
        String cron;
        int m = r.nextInt(60);
        int h = r.nextInt(24);
        if (pick < 1) {
            cron = (m % 15) + "/15 * * * *";
        } else if (pick < 10) {
            cron = m + " * * * *";
        } else if (pick < 60) {
            int times = 1 + r.nextInt(4);
            StringBuilder hours = new StringBuilder().append(h);
            for (int t = 1; t < times; t++) {
                hours.append(',').append((h + t * (24 / times)) % 24);
            }
            cron = m + " " + hours + " * * *";
        } else if (pick < 85) {
            int d = r.nextInt(7);
            String days = r.nextBoolean() ? DAYS[d] : DAYS[d] + "," + DAYS[(d + 3) % 7];
            cron = m + " " + h + " * * " + days;
        } else {
            cron = m + " " + h + " L * *";
        }
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.Cron(cron), ZONES.get(r.nextInt(ZONES.size())),
                null);
        String n = String.format("%06d", i);
        ReportRef report = ReportRef.of("report-" + n, "project-" + (i % 5000), "account-" + (i % 1000),
                "svc-" + (i % 20));
        return Schedule.create(ScheduleId.of("bench-" + n), "bench " + n, report, ScheduleDetails.of(timing),
                createdAt);
    }
}
