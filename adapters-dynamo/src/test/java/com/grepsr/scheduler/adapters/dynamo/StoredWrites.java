package com.grepsr.scheduler.adapters.dynamo;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.EventId;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Records, in order, the events whose PutItem the server accepted (a ConditionalCheckFailed is
 * not a write). Only sound where a failed call cannot have been stored (e.g. connection refused).
 */
final class StoredWrites implements ExecutionInterceptor {

    private final List<EventId> written = new ArrayList<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutItemRequest put) {
            synchronized (written) {
                written.add(EventId.of(put.item().get("eventId").s()));
            }
        }
    }

    List<EventId> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    /** The ids of {@code events} of one account, in the given order. */
    static List<EventId> idsOf(List<ActivityEvent> events, AccountId account) {
        return events.stream().filter(e -> e.report().accountId().equals(account)).map(ActivityEvent::id).toList();
    }

    /** The writes of one account's events, in write order. */
    List<EventId> writtenOf(List<ActivityEvent> events, AccountId account) {
        List<EventId> ofAccount = idsOf(events, account);
        List<EventId> out = new ArrayList<>();
        for (EventId id : written()) {
            if (ofAccount.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
