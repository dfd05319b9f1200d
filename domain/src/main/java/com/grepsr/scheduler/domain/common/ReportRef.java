package com.grepsr.scheduler.domain.common;

import java.util.Objects;

/**
 * What the platform tells us about a report when it asks for a schedule or a run. Reports,
 * projects and accounts live in the platform; the scheduler keeps this copy with its records.
 */
public record ReportRef(ReportId reportId, ProjectId projectId, AccountId accountId, ServiceCode serviceCode) {

    public ReportRef {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(serviceCode, "serviceCode");
    }

    public static ReportRef of(String reportId, String projectId, String accountId, String serviceCode) {
        return new ReportRef(ReportId.of(reportId), ProjectId.of(projectId), AccountId.of(accountId),
                ServiceCode.of(serviceCode));
    }
}
