package com.grepsr.scheduler.domain.common;

/** The platform project a report belongs to. */
public record ProjectId(String value) {

    public ProjectId {
        Checks.id("project_id", value);
    }

    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
