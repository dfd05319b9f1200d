package com.grepsr.scheduler.bootstrap.chaos;

import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 part 3: the database crashes for ~10 s in the middle of a run. Meanwhile every replica
 * stays up and answers UNAVAILABLE within the call's deadline; afterwards the daemons resume on
 * their own, and the final counts are as complete as without the outage.
 */
class DatabaseOutageIT {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** The deadline of each call made during the outage: an answer must come before it. */
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(8);

    @Test
    void replicas_answer_unavailable_during_the_outage_and_resume_without_losing_an_occurrence() throws Exception {
        ChaosLoad load = new ChaosLoad()
                .add(6, "* * * * * *", OverlapPolicy.ALLOW, OverlapPolicy.SKIP)
                .add(6, "*/2 * * * * *", OverlapPolicy.ALLOW, OverlapPolicy.QUEUE_ONE);
        try (ChaosRig rig = ChaosRig.create("DatabaseOutageIT", 2, Duration.ofMillis(1500))) {
            try {
                rig.startAll();
                List<ChaosLoad.Created> schedules = load.create(rig.client(0), Instant.now().plusSeconds(20), WINDOW);
                Instant end = schedules.get(0).end();
                ChaosRig.sleepUntil(schedules.get(0).start().plusSeconds(15));

                rig.postgres().stopServer("immediate"); // a crash: connections cut, no checkpoint
                Map<String, Integer> answers = callDuringOutage(rig, schedules.get(0).id(), Instant.now().plus(OUTAGE));
                rig.postgres().startServer();

                for (int i = 0; i < rig.size(); i++) {
                    assertThat(rig.alive(i)).as("replica %d survived the outage", i).isTrue();
                }
                ChaosLedger ledger = ChaosIT.settle(rig, schedules, end);
                System.out.printf("DatabaseOutageIT: answers during the %s outage %s%n%s", OUTAGE, answers,
                        ledger.table());

                assertThat(answers).as("every call during the outage is refused as UNAVAILABLE, in time")
                        .containsOnlyKeys(Status.Code.UNAVAILABLE.name());
                assertThat(answers.get(Status.Code.UNAVAILABLE.name())).isGreaterThanOrEqualTo(rig.size());
                assertThat(ledger.problems()).as(ledger.table()).isEmpty();
                for (int i = 0; i < rig.size(); i++) {
                    assertThat(rig.terminate(i, Duration.ofSeconds(30))).as("exit code of replica %d", i).isZero();
                    // the daemons met the outage and backed off (DaemonLoop's retry line) instead of dying
                    assertThat(rig.log(i)).contains("tick failed; retrying in");
                }
            } catch (AssertionError | Exception e) {
                System.out.println(rig.diagnostics());
                System.out.println(rig.postgres().serverLog());
                throw e;
            }
        }
    }

    /**
     * Until {@code until}, asks each replica for a schedule in turn; counts the answers by status
     * code, a call that took longer than its deadline counting as DEADLINE_EXCEEDED.
     */
    private static Map<String, Integer> callDuringOutage(ChaosRig rig, String scheduleId, Instant until) {
        Map<String, Integer> answers = new TreeMap<>();
        int replica = 0;
        while (Instant.now().isBefore(until)) {
            Instant sent = Instant.now();
            String code;
            try {
                rig.client(replica).blocking().withDeadlineAfter(CALL_DEADLINE.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS)
                        .getSchedule(GetScheduleRequest.newBuilder().setScheduleId(scheduleId).build());
                code = "OK (served without the database?)";
            } catch (StatusRuntimeException e) {
                code = e.getStatus().getCode().name();
            }
            if (Duration.between(sent, Instant.now()).compareTo(CALL_DEADLINE) > 0) {
                code = Status.Code.DEADLINE_EXCEEDED.name();
            }
            answers.merge(code, 1, Integer::sum);
            replica = (replica + 1) % rig.size();
        }
        return answers;
    }
}
