package com.grepsr.scheduler.domain.common;

/** A report of the platform: what a crawler produces. */
public record ReportId(String value) {

    public ReportId {
        Checks.id("report_id", value);
    }

    public static ReportId of(String value) {
        return new ReportId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
