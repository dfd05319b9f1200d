package com.grepsr.scheduler.bootstrap.chaos;

import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 part 6: SIGTERM while runs are being dispatched. Each stopped replica exits 0 within its
 * grace, leaves no run claimed behind it, and the final counts lose nothing.
 */
class GracefulShutdownIT {

    private static final Duration WINDOW = Duration.ofSeconds(50);

    @Test
    void sigterm_under_load_loses_nothing_and_leaves_nothing_claimed() throws Exception {
        // no QUEUE_ONE here: its waiting run is held claimed on purpose, which is not a leftover
        ChaosLoad load = new ChaosLoad()
                .add(10, "* * * * * *", OverlapPolicy.ALLOW, OverlapPolicy.SKIP)
                .add(4, "*/2 * * * * *", OverlapPolicy.ALLOW);
        try (ChaosRig rig = ChaosRig.create("GracefulShutdownIT", 3, Duration.ofMillis(1000))) {
            try {
                rig.startAll();
                List<ChaosLoad.Created> schedules = load.create(rig.client(0), Instant.now().plusSeconds(20), WINDOW);
                Instant end = schedules.get(0).end();
                ChaosRig.sleepUntil(schedules.get(0).start().plusSeconds(3));

                List<String> leftovers = new ArrayList<>();
                int stops = 0;
                Random random = new Random(6);
                while (Instant.now().isBefore(end.minusSeconds(3))) {
                    List<Integer> serving = rig.servingReplicas();
                    if (serving.size() >= 2) {
                        // a replica that serves is dispatching: stop it in the middle of that
                        int victim = serving.get(random.nextInt(serving.size()));
                        assertThat(rig.terminate(victim, Duration.ofSeconds(30)))
                                .as("exit code of replica %d after SIGTERM", victim).isZero();
                        leftovers.addAll(claimsHeldBy("replica-" + victim, rig));
                        stops++;
                        rig.start(victim);
                    }
                    Thread.sleep(2_000 + random.nextInt(2_000));
                }
                for (int i = 0; i < rig.size(); i++) {
                    rig.awaitServing(i);
                }
                ChaosLedger ledger = ChaosIT.settle(rig, schedules, end);
                System.out.printf("GracefulShutdownIT: %d SIGTERMs under load, claims left behind: %d%n%s", stops,
                        leftovers.size(), ledger.table());

                assertThat(stops).as("replicas stopped during the window").isGreaterThanOrEqualTo(2);
                assertThat(leftovers).as("runs still claimed by a replica that stopped").isEmpty();
                assertThat(ledger.problems()).as(ledger.table()).isEmpty();
                for (int i = 0; i < rig.size(); i++) {
                    assertThat(rig.terminate(i, Duration.ofSeconds(30))).as("exit code of replica %d", i).isZero();
                }
            } catch (AssertionError | Exception e) {
                System.out.println(rig.diagnostics());
                throw e;
            }
        }
    }

    /** PENDING runs whose claim by {@code replica} is still in force: a stopped replica should hold none. */
    private static List<String> claimsHeldBy(String replica, ChaosRig rig) throws Exception {
        List<String> held = new ArrayList<>();
        try (Connection db = rig.database(); PreparedStatement s = db.prepareStatement(
                "SELECT id, fire_at, claimed_until FROM vt_scheduled_runs"
                        + " WHERE status = 'PENDING' AND claimed_by = ?")) {
            s.setString(1, replica);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant until = rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    if (until.isAfter(Instant.now())) {
                        held.add(rs.getString(1) + " (fire " + rs.getObject(2, LocalDateTime.class) + ", claimed until "
                                + until + ")");
                    }
                }
            }
        }
        return held;
    }
}
