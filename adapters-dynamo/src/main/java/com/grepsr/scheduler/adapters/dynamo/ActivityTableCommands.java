package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.event.ActivityEvent;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the service's command line does with the activity table, without a CLI framework so the
 * bootstrap can put it behind any (e.g. {@code phoenix activity create-table},
 * {@code phoenix activity feed --account A}). Each returns a process exit code.
 */
public final class ActivityTableCommands {

    private ActivityTableCommands() {
    }

    /** Creates the activity table unless it exists and waits until it is ACTIVE. */
    public static int createTable(DynamoSettings settings, Duration timeout, PrintStream out) {
        try (DynamoAdapters dynamo = DynamoAdapters.create(settings)) {
            boolean created = dynamo.table().createIfAbsent(timeout);
            out.println((created ? "created" : "already there:") + " activity table " + settings.tableName()
                    + settings.endpoint().map(e -> " at " + e).orElse(" in " + settings.region()));
            return 0;
        }
    }

    /**
     * Prints one page of an account's or a report's feed (exactly one of the two ids), newest
     * first, then the token of the next page if there is one.
     */
    public static int showFeed(DynamoSettings settings, String accountId, String reportId, int pageSize,
                               String pageToken, PrintStream out) {
        if ((accountId == null) == (reportId == null)) {
            out.println("give either an account id or a report id");
            return 2;
        }
        PageRequest request = new PageRequest(pageSize, pageToken);
        try (DynamoAdapters dynamo = DynamoAdapters.create(settings)) {
            Page<ActivityEvent> page = accountId != null
                    ? dynamo.feed().byAccount(AccountId.of(accountId), request)
                    : dynamo.feed().byReport(ReportId.of(reportId), request);
            page.items().forEach(e -> out.println(line(e)));
            if (page.hasNext()) {
                out.println("next page: " + page.nextPageToken());
            }
            return 0;
        }
    }

    /** One tab-separated line: time, type, schedule, report, actor, details sorted by key. */
    static String line(ActivityEvent e) {
        Map<String, String> details = new TreeMap<>(e.details());
        return String.join("\t", e.occurredAt().toString(), e.type(), e.scheduleId().value(),
                e.report().reportId().value(), e.actor(), details.toString());
    }
}
