package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An account's upcoming runs (GetUpcomingAccountSchedules), computed from its schedules'
 * recurrences rather than from materialized runs, so the forecast reaches past the calculator's
 * horizon. A page costs one {@code next()} per schedule plus one per run listed, whatever the
 * window holds: the schedules are merged lazily ({@link UpcomingRunMerge}).
 */
public final class GetUpcomingAccountSchedulesService implements GetUpcomingAccountSchedulesUseCase {

    private static final Set<ScheduleStatus> FORECAST = Set.of(ScheduleStatus.ACTIVE, ScheduleStatus.PAUSED);

    private final ScheduleStorePort schedules;
    private final Clock clock;

    public GetUpcomingAccountSchedulesService(ScheduleStorePort schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public Result execute(Caller caller, Query query) {
        AccountId account = caller.scope(query.account())
                .orElseThrow(() -> ValidationException.of("account_id", "is required"));
        Instant now = clock.instant();
        Instant requestedFrom = query.from().orElse(now);
        Instant to = query.to().orElse(requestedFrom.plus(DEFAULT_WINDOW));
        Query.requireWindow(requestedFrom, to);
        Instant from = requestedFrom.isBefore(now) ? now : requestedFrom; // upcoming: nothing before now
        Optional<UpcomingRunMerge.Position> position = query.page().isFirst() ? Optional.empty()
                : Optional.of(decode(query.page().token()));

        if (from.isAfter(to)) {
            return new Result(Page.last(List.of()), from, to, true);
        }
        List<Schedule> all = new ArrayList<>();
        boolean complete = load(account, all);
        UpcomingRunMerge merge = new UpcomingRunMerge(from, to, position);
        all.stream().filter(s -> s.isActive() || s.pausedUntil().filter(u -> !u.isAfter(to)).isPresent())
                .forEach(merge::add);
        List<UpcomingRun> items = merge.take(query.page().size() + 1);
        String next = "";
        if (items.size() > query.page().size()) {
            items = items.subList(0, query.page().size());
            UpcomingRun last = items.get(items.size() - 1);
            next = PageTokens.encode(last.fireAt().toString(), last.scheduleId().value());
        }
        return new Result(new Page<>(items, next), from, to, complete);
    }

    /** Reads the account's forecastable schedules into {@code out}; false when it stopped at the cap. */
    private boolean load(AccountId account, List<Schedule> out) {
        ScheduleFilter filter = new ScheduleFilter(Optional.of(account), Optional.empty(), Optional.empty(), FORECAST);
        List<Schedule> read = Page.readAll(page -> schedules.list(filter, page), PageRequest.MAX_SIZE,
                MAX_SCHEDULES + 1);
        out.addAll(read.subList(0, Math.min(read.size(), MAX_SCHEDULES)));
        return read.size() <= MAX_SCHEDULES;
    }

    private static UpcomingRunMerge.Position decode(String token) {
        List<String> parts = PageTokens.decode(token, 2);
        try {
            return new UpcomingRunMerge.Position(Instant.parse(parts.get(0)), ScheduleId.of(parts.get(1)));
        } catch (DateTimeParseException | ValidationException e) {
            throw ValidationException.of("page_token", "is not a token this service issued (use next_page_token as given)");
        }
    }
}
