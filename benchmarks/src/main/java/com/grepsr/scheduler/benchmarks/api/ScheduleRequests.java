package com.grepsr.scheduler.benchmarks.api;

import com.grepsr.scheduler.adapters.grpc.v1.Repeat;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleForm;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.grpc.v1.Weekday;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Schedule requests as the platform sends them: the form's daily, weekly and monthly schedules,
 * a cron and an RRULE, in a few zones, with a crawler parameter. Each request names a random
 * report of the fleet, so schedules spread over accounts as the seeded tasks do.
 */
final class ScheduleRequests {

    private static final String[] ZONES = {"America/New_York", "Europe/London", "Asia/Kathmandu", "Australia/Sydney",
            "UTC"};
    private static final String[] CATEGORIES = {"laptops", "phones", "garden", "books", "shoes"};

    private final Fleet fleet;
    /** The first run of form schedules: tomorrow, so every schedule has upcoming runs. */
    private final String tomorrow;

    ScheduleRequests(Fleet fleet, LocalDate today) {
        this.fleet = fleet;
        this.tomorrow = today.plusDays(1).toString();
    }

    ScheduleRequest next(SplittableRandom random) {
        com.grepsr.scheduler.domain.common.ReportRef r = fleet.randomReport(random);
        ReportRef report = ReportRef.newBuilder().setReportId(r.reportId().value())
                .setProjectId(r.projectId().value()).setAccountId(r.accountId().value())
                .setServiceCode(r.serviceCode().value()).build();
        return ScheduleRequest.newBuilder()
                .setName("bench " + r.reportId().value())
                .setReport(report)
                .setTiming(timing(random))
                .putParameters("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
                .build();
    }

    private Timing timing(SplittableRandom random) {
        Timing.Builder t = Timing.newBuilder().setZone(ZONES[random.nextInt(ZONES.length)]);
        String hour = String.format("%02d", 6 + random.nextInt(12));
        switch (random.nextInt(5)) {
            case 0 -> t.setForm(ScheduleForm.newBuilder().setStart(tomorrow + "T" + hour + ":00")
                    .setRepeat(Repeat.REPEAT_DAILY).setEvery(1));
            case 1 -> t.setForm(ScheduleForm.newBuilder().setStart(tomorrow + "T" + hour + ":30")
                    .setRepeat(Repeat.REPEAT_WEEKLY).setEvery(2)
                    .addRepeatsOnWeekdays(Weekday.WEEKDAY_MONDAY).addRepeatsOnWeekdays(Weekday.WEEKDAY_THURSDAY));
            case 2 -> t.setForm(ScheduleForm.newBuilder().setStart(tomorrow + "T" + hour + ":15")
                    .setRepeat(Repeat.REPEAT_MONTHLY).setEvery(1).addRepeatsOnMonthDays(-1));
            case 3 -> t.setCron("0 */15 9-17 * * MON-FRI");
            default -> t.setRrule("FREQ=HOURLY;INTERVAL=6").setStart(tomorrow + "T00:00");
        }
        return t.build();
    }
}
