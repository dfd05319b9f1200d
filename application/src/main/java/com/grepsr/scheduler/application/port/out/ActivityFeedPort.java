package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.event.ActivityEvent;

/**
 * Reads the activity feed that {@link ActivityPublisherPort} writes, for the platform's activity
 * page.
 * <p>
 * Contract: newest first — by {@link ActivityEvent#occurredAt()} descending, then event id
 * descending, so the order is total and pages never skip or repeat an event; keyset pagination
 * through {@link PageRequest#token()} / {@link Page#nextPageToken()} (the last page has no
 * token; a token the store did not issue is a {@code ValidationException} on
 * {@code page_token}). Events come back equal to the ones published. Access checks are the
 * caller's business: the port lists what it is asked for.
 */
public interface ActivityFeedPort {

    /** Every event of the account's schedules, newest first. */
    Page<ActivityEvent> byAccount(AccountId account, PageRequest page);

    /** Every event of the report's schedules, newest first. */
    Page<ActivityEvent> byReport(ReportId report, PageRequest page);
}
