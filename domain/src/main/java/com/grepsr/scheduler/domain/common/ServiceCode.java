package com.grepsr.scheduler.domain.common;

/** The report's service code; the crawler catalog maps it to a crawler image. */
public record ServiceCode(String value) {

    public ServiceCode {
        Checks.id("service_code", value);
    }

    public static ServiceCode of(String value) {
        return new ServiceCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
