package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.dynamo.DynamoSettings;
import com.grepsr.scheduler.bootstrap.config.Settings;

/** The DynamoDB adapter's settings for the configured activity table: one translation for the service and the CLI. */
public final class ActivityTables {

    private ActivityTables() {
    }

    public static DynamoSettings settingsOf(Settings.Dynamo d) {
        DynamoSettings s = d.endpoint().map(e -> DynamoSettings.local(e, d.table()))
                .orElseGet(() -> DynamoSettings.aws(d.region(), d.table()));
        return d.retention().map(s::withRetention).orElse(s);
    }
}
