package com.grepsr.scheduler.bootstrap.chaos;

import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's topology as deploy/ ships it, each role its own process of the real jar on
 * PostgreSQL with a mock cluster: an {@code api} (with the reconciler), a {@code calculator}, and
 * a {@code processor} that fires due runs by calling the API's OneTimeRun over gRPC with an admin
 * token. Each due run becomes exactly one Job.
 */
class TopologyIT {

    private static final Duration WINDOW = Duration.ofSeconds(20);

    @Test
    void a_remote_processor_turns_each_due_run_into_exactly_one_job_through_the_api() throws Exception {
        ChaosLoad load = new ChaosLoad().add(4, "*/2 * * * * *", OverlapPolicy.ALLOW);
        try (ChaosRig rig = ChaosRig.create("TopologyIT", 3, Duration.ofMillis(500))) {
            try {
                rig.with(0, "PHOENIX_ROLE", "api,reconciler")
                        .with(1, "PHOENIX_ROLE", "calculator")
                        .with(2, "PHOENIX_ROLE", "processor")
                        .with(2, "PHOENIX_PROCESSOR_TRIGGER", "127.0.0.1:" + rig.grpcPort(0))
                        .with(2, "PHOENIX_PROCESSOR_TOKEN", ChaosRig.TOKEN);
                rig.startAll();
                List<ChaosLoad.Created> schedules = load.create(rig.client(0), Instant.now().plusSeconds(10), WINDOW);
                ChaosLedger ledger = ChaosIT.settle(rig, schedules, schedules.get(0).end());
                System.out.printf("TopologyIT:%n%s", ledger.table());

                assertThat(ledger.problems()).as(ledger.table()).isEmpty();
                assertThat(rig.cluster().allJobs()).as("Jobs the API launched for the processor").isNotEmpty();
            } catch (AssertionError | Exception e) {
                System.out.println(rig.diagnostics());
                throw e;
            }
        }
    }
}
