package com.grepsr.scheduler.domain.common;

/** The platform account that owns reports, schedules and tasks. */
public record AccountId(String value) {

    public AccountId {
        Checks.id("account_id", value);
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
