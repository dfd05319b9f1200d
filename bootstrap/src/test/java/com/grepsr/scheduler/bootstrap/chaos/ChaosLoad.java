package com.grepsr.scheduler.bootstrap.chaos;

import com.google.protobuf.util.Durations;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicyKind;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.domain.recurrence.Bounds;
import com.grepsr.scheduler.domain.recurrence.Recurrence;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The schedules a chaos run creates: seconds-level and every-minute crons, all bounded to one
 * window so the set of occurrences that must fire is finite and known in advance, with misfire
 * and overlap policies mixed so every policy path is taken under faults.
 */
final class ChaosLoad {

    static final String ACCOUNT = "acme";
    static final String SERVICE_CODE = "demo";
    /** The catch-up window of the FIRE_ALL_WITHIN schedules. */
    static final Duration CATCH_UP = Duration.ofSeconds(30);

    private static final MisfirePolicy[] MISFIRES = {MisfirePolicy.FIRE_ONCE_NOW, MisfirePolicy.SKIP,
            MisfirePolicy.fireAllWithin(CATCH_UP)};

    /** One schedule to create: its cron and its policies. */
    record Planned(String name, String cron, MisfirePolicy misfire, OverlapPolicy overlap) {
    }

    /** A schedule as created, with the window its occurrences fall in (both ends inclusive). */
    record Created(String id, Planned plan, Instant start, Instant end) {

        /** Every fire time the recurrence yields in the window: each must become exactly one run. */
        List<Instant> expectedOccurrences() {
            return Recurrence.cron(plan.cron(), ZoneOffset.UTC).within(new Bounds(start, end, null, Set.of()))
                    .occurrences(start.minusNanos(1), end);
        }
    }

    private final List<Planned> planned = new ArrayList<>();

    /**
     * Adds {@code count} schedules of one cron; overlap policies cycle through {@code overlaps},
     * misfire policies through all three kinds.
     */
    ChaosLoad add(int count, String cron, OverlapPolicy... overlaps) {
        for (int i = 0; i < count; i++) {
            int n = planned.size();
            planned.add(new Planned("chaos-" + n, cron, MISFIRES[n % MISFIRES.length], overlaps[i % overlaps.length]));
        }
        return this;
    }

    /** How many occurrences a window of {@code length} holds for the planned crons (for sizing a run). */
    long occurrencesIn(Instant start, Duration length) {
        return planned.stream().mapToLong(p -> new Created("", p, start, start.plus(length))
                .expectedOccurrences().size()).sum();
    }

    /** Creates every schedule through the gRPC API, firing from {@code start} for {@code length}. */
    List<Created> create(SchedulerClient client, Instant start, Duration length) {
        Instant from = start.truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(length);
        List<Created> created = new ArrayList<>();
        for (Planned p : planned) {
            ScheduleRequest request = ScheduleRequest.newBuilder().setName(p.name())
                    .setReport(ReportRef.newBuilder().setReportId("report-" + p.name()).setProjectId("project-chaos")
                            .setAccountId(ACCOUNT).setServiceCode(SERVICE_CODE))
                    .setTiming(Timing.newBuilder().setZone("UTC").setCron(p.cron()).setStart(local(from))
                            .setEnd(local(to)))
                    .setMisfirePolicy(misfire(p.misfire()))
                    .setOverlapPolicy(com.grepsr.scheduler.adapters.grpc.v1.OverlapPolicy.valueOf(
                            "OVERLAP_POLICY_" + p.overlap().name()))
                    .build();
            String id = client.blocking().schedule(request).getSchedule().getScheduleId();
            created.add(new Created(id, p, from, to));
        }
        return created;
    }

    private static com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy misfire(MisfirePolicy policy) {
        var b = com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy.newBuilder()
                .setKind(MisfirePolicyKind.valueOf("MISFIRE_POLICY_KIND_" + policy.kind().name()));
        if (policy.kind() == MisfirePolicy.Kind.FIRE_ALL_WITHIN) {
            b.setCatchUpWindow(Durations.fromMillis(policy.catchUpWindow().toMillis()));
        }
        return b.build();
    }

    private static String local(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
