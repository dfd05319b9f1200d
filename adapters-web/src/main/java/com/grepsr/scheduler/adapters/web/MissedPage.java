package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Chrome;
import com.grepsr.scheduler.adapters.web.view.Pages;
import com.grepsr.scheduler.adapters.web.view.Rows;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.ScheduledRun;

import java.util.List;
import java.util.Optional;

/**
 * Missed and skipped runs, newest first, with their cause. Across every schedule it is an admin's
 * list (GetAllMissedRuns, as over gRPC); by report it is anyone's with access to the report
 * (GetMissedScheduleRuns). The cause filter narrows the page the use case returned (neither has a
 * cause parameter): a filtered page may hold fewer rows than the page size, "Next page" goes on.
 */
final class MissedPage {

    static final int PAGE_SIZE = 50;

    private final GetAllMissedRunsUseCase all;
    private final GetMissedScheduleRunsUseCase byReport;

    MissedPage(GetAllMissedRunsUseCase all, GetMissedScheduleRunsUseCase byReport) {
        this.all = all;
        this.byReport = byReport;
    }

    Pages.Missed render(Chrome chrome, Caller caller, String account, String report, String cause, String token) {
        Optional<MissCause> wanted = cause(cause);
        Optional<AccountId> a = SchedulePages.present(account).map(AccountId::of);
        Optional<ReportId> r = SchedulePages.present(report).map(ReportId::of);
        PageRequest request = new PageRequest(PAGE_SIZE, token);
        Page<ScheduledRun> page;
        String note = "";
        if (r.isPresent()) {
            page = byReport.execute(caller, new GetMissedScheduleRunsUseCase.Query(Optional.empty(), r, a, true,
                    Optional.empty(), Optional.empty(), request)).page();
        } else if (caller.isAdmin()) {
            page = all.execute(caller, new GetAllMissedRunsUseCase.Query(a, true, Optional.empty(), Optional.empty(),
                    request)).page();
        } else {
            page = Page.last(List.of());
            note = "Give a report to list its missed runs; the list across all reports is for admins.";
        }
        List<Rows.Miss> rows = page.items().stream()
                .filter(run -> wanted.isEmpty() || wanted.get() == run.missCause())
                .map(Formats::miss).toList();
        return new Pages.Missed(chrome, SchedulePages.orEmpty(account), SchedulePages.orEmpty(report),
                SchedulePages.orEmpty(cause), caller.isAdmin(), note, rows, page.hasNext()
                ? Links.with("/missed", "account", account, "report", report, "cause", cause, "page",
                page.nextPageToken()) : null);
    }

    private static Optional<MissCause> cause(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MissCause.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("cause", "is not a miss cause: " + text);
        }
    }
}
