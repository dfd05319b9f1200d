package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Chrome;
import com.grepsr.scheduler.adapters.web.view.Pages;
import com.grepsr.scheduler.adapters.web.view.Rows;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The horizon as a timeline: one row per active schedule (a page of them at a time), one column
 * per hour of the next three days, each cell the number of runs due in that hour. The columns are
 * UTC hours labelled in the chosen zone, so a day with a clock change shows 23 or 25 columns and
 * a run lands under the local hour it really fires at. The counts come from each schedule's own
 * recurrence (the domain), so a page costs one schedule query however many runs the horizon holds.
 */
final class AgendaPage {

    static final Duration HORIZON = Duration.ofDays(3);
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH", Locale.ROOT);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);

    private final ScheduleLists schedules;

    AgendaPage(ScheduleLists schedules) {
        this.schedules = schedules;
    }

    Pages.Agenda render(Chrome chrome, Caller caller, Instant now, String account, String zoneText, String token) {
        ZoneId zone = zone(zoneText);
        Instant from = now.truncatedTo(ChronoUnit.HOURS);
        Instant to = from.plus(HORIZON);
        int hours = (int) HORIZON.toHours();
        var page = schedules.page(caller, SchedulePages.present(account).map(AccountId::of), Optional.empty(),
                Optional.empty(), Set.of(ScheduleStatus.ACTIVE), new PageRequest(PAGE_SIZE, token));
        List<Rows.AgendaRow> rows = new ArrayList<>();
        for (ScheduleSummary summary : page.items()) {
            rows.add(row(summary.schedule(), from, to, hours, zone));
        }
        return new Pages.Agenda(chrome, zone.getId(), account == null ? "" : account, caller.isAdmin(),
                Formats.local(from, zone), Formats.local(to, zone), days(from, hours, zone),
                hourLabels(from, hours, zone), rows, page.hasNext()
                ? Links.with("/agenda", "account", account, "zone", zone.getId(), "page", page.nextPageToken())
                : null);
    }

    private static Rows.AgendaRow row(Schedule s, Instant from, Instant to, int hours, ZoneId zone) {
        int[] counts = new int[hours];
        long total = 0;
        for (Instant t : s.occurrences(from.minusNanos(1), to.minusNanos(1), Integer.MAX_VALUE)) {
            counts[(int) Duration.between(from, t).toHours()]++; // skipped occurrences are already left out
            total++;
        }
        List<Rows.AgendaCell> cells = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            ZonedDateTime hour = from.plus(i, ChronoUnit.HOURS).atZone(zone);
            cells.add(new Rows.AgendaCell(counts[i], counts[i] == 0 ? ""
                    : counts[i] + (counts[i] == 1 ? " run" : " runs") + " at " + TITLE.format(hour) + " "
                    + zone.getId()));
        }
        return new Rows.AgendaRow(s.id().value(), s.name(), s.report().accountId().value(), cells, total);
    }

    private static List<Rows.AgendaDay> days(Instant from, int hours, ZoneId zone) {
        List<Rows.AgendaDay> days = new ArrayList<>();
        LocalDate current = null;
        int span = 0;
        for (int i = 0; i < hours; i++) {
            LocalDate d = from.plus(i, ChronoUnit.HOURS).atZone(zone).toLocalDate();
            if (!d.equals(current)) {
                if (current != null) {
                    days.add(new Rows.AgendaDay(DAY.format(current), span));
                }
                current = d;
                span = 0;
            }
            span++;
        }
        days.add(new Rows.AgendaDay(DAY.format(current), span));
        return days;
    }

    private static List<String> hourLabels(Instant from, int hours, ZoneId zone) {
        List<String> labels = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            ZonedDateTime t = from.plus(i, ChronoUnit.HOURS).atZone(zone);
            labels.add((t.getMinute() == 0 ? HOUR : HOUR_MINUTE).format(t));
        }
        return labels;
    }

    private static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw ValidationException.of("zone", "is not a time zone: " + text);
        }
    }
}
