package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code run}: run a report now (OneTimeRun), or as a limited test (OneTimeTestRun). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a report now.")
public final class RunCommand implements Callable<Integer> {

    @Mixin ClientOptions client;
    @Mixin ReportOptions report;
    @Mixin RequestIdOption request;

    @Option(names = "--test", description = "a limited TEST run (OneTimeTestRun)")
    boolean test;

    @Option(names = "--row-limit", paramLabel = "N", description = "rows/pages a test run may produce (default 100)")
    int rowLimit;

    @Override
    public Integer call() {
        try (SchedulerClient c = client.connect()) {
            com.google.protobuf.MessageOrBuilder response;
            Task task;
            if (test) {
                var r = request.send(id -> c.blocking().oneTimeTestRun(OneTimeTestRunRequest.newBuilder()
                        .setReport(report.toProto()).putAllParameters(report.parameters).setRowLimit(rowLimit)
                        .setRequestId(id).build()));
                response = r;
                task = r.getTask();
            } else {
                var r = request.send(id -> c.blocking().oneTimeRun(OneTimeRunRequest.newBuilder()
                        .setReport(report.toProto()).putAllParameters(report.parameters).setRequestId(id).build()));
                response = r;
                task = r.getTask();
            }
            if (client.json) {
                System.out.println(Text.json(response));
            } else {
                System.out.println("started task " + task.getTaskId() + " (" + Text.name(task.getStatus()) + ")");
            }
            return 0;
        }
    }
}
