package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The platform's report a schedule or run is for, and crawler parameters. */
public final class ReportOptions {

    @Option(names = "--report", required = true, paramLabel = "ID", description = "report id")
    String report;

    @Option(names = "--project", required = true, paramLabel = "ID", description = "project id")
    String project;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "account id")
    String account;

    @Option(names = "--service-code", required = true, paramLabel = "CODE",
            description = "chooses the crawler through the crawler catalog")
    String serviceCode;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "a crawler parameter (repeatable)")
    Map<String, String> parameters = new LinkedHashMap<>();

    ReportRef toProto() {
        return ReportRef.newBuilder().setReportId(report).setProjectId(project).setAccountId(account)
                .setServiceCode(serviceCode).build();
    }
}
