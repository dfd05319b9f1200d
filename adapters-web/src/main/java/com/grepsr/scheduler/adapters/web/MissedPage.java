package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Chrome;
import com.grepsr.scheduler.adapters.web.view.Pages;
import com.grepsr.scheduler.adapters.web.view.Rows;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.MissCause;

import java.util.List;
import java.util.Optional;

/**
 * Missed and skipped runs, newest first, with their cause. The cause filter narrows the page the
 * use case returned (it has no cause parameter): a filtered page may hold fewer rows than the page
 * size, and "Next page" goes on through the rest.
 */
final class MissedPage {

    static final int PAGE_SIZE = 50;

    private final GetAllMissedRunsUseCase missed;

    MissedPage(GetAllMissedRunsUseCase missed) {
        this.missed = missed;
    }

    Pages.Missed render(Chrome chrome, Caller caller, String account, String cause, String token) {
        Optional<MissCause> wanted = cause(cause);
        var page = missed.execute(caller, new GetAllMissedRunsUseCase.Query(
                Optional.ofNullable(account).filter(a -> !a.isBlank()).map(AccountId::of), true, Optional.empty(),
                Optional.empty(), new PageRequest(PAGE_SIZE, token))).page();
        List<Rows.Miss> rows = page.items().stream()
                .filter(r -> wanted.isEmpty() || wanted.get() == r.missCause())
                .map(Formats::miss).toList();
        return new Pages.Missed(chrome, account == null ? "" : account, cause == null ? "" : cause, caller.isAdmin(),
                rows, page.hasNext()
                ? Links.with("/missed", "account", account, "cause", cause, "page", page.nextPageToken()) : null);
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
