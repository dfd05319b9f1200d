package com.grepsr.scheduler.adapters.grpc.isolation;

import com.grepsr.scheduler.adapters.grpc.GrpcTestKit;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduledTasksRequest;
import com.grepsr.scheduler.domain.run.RunStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two accounts side by side on the in-memory scheduler of a {@link GrpcTestKit}: acme (the
 * caller, account A) and globex (the other, account B), each with the same kinds of data
 * ({@link AccountData}), and the daemons run once so both hourly schedules have missed,
 * dispatched and pending runs. Built fresh for every call a test makes, so no call sees what
 * another one changed.
 */
final class IsolationWorld implements AutoCloseable {

    final GrpcTestKit kit = new GrpcTestKit();
    /** Account A: the tokens under test act for it. */
    final AccountData acme;
    /** Account B: its data must stay out of A's reach. */
    final AccountData globex;

    private IsolationWorld() {
        acme = AccountData.seed(kit.acme(), GrpcTestKit.acmeReport("acme-report"));
        globex = AccountData.seed(kit.globex(), GrpcTestKit.globexReport("globex-report"));
        // Hourly from 10:00 with misfires skipped and the scheduler down until 12:00: 10:00 and
        // 11:00 are MISSED, 12:00 fires a scheduled task, later ones stay PENDING.
        kit.scheduler.calculator().tick(GrpcTestKit.T0);
        kit.scheduler.clock().tick(Duration.ofHours(3));
        kit.scheduler.processor().tick(kit.scheduler.clock().instant());
    }

    static IsolationWorld build() {
        return new IsolationWorld();
    }

    /** The schedule's current version, read as an admin (what UpdateSchedule must name). */
    long versionOf(String schedule) {
        return kit.admin().getSchedule(GetScheduleRequest.newBuilder().setScheduleId(schedule).build())
                .getSchedule().getVersion();
    }

    /** A PENDING occurrence of the account's hourly schedule, read as an admin. */
    String pendingRunOf(AccountData account) {
        return kit.admin().getScheduledTasks(GetScheduledTasksRequest.newBuilder().setScheduleId(account.schedule())
                .setPageSize(1).build()).getRuns(0).getScheduledRunId();
    }

    /** The scheduled task the processor started for the account's 12:00 run. */
    String scheduledTaskOf(AccountData account) {
        return snapshot(account).runs().stream().filter(r -> r.status() == RunStatus.DISPATCHED)
                .map(r -> r.taskId().value()).findFirst().orElseThrow();
    }

    AccountSnapshot snapshot(AccountData account) {
        return AccountSnapshot.of(kit.scheduler.adapters(), account.account());
    }

    /** What would betray the account's data if shown to another: its ids, names and parameter values. */
    List<String> secretsOf(AccountData account) {
        List<String> secrets = new ArrayList<>(snapshot(account).ids());
        secrets.addAll(account.tags());
        return secrets;
    }

    /** How many crawler launches the simulated launcher has seen: a launch or stop of anyone's moves it. */
    String launcherState() {
        var launcher = kit.scheduler.adapters().launcher;
        return launcher.launchCalls() + " launched, " + launcher.liveLaunches() + " live";
    }

    @Override
    public void close() {
        kit.close();
    }
}
