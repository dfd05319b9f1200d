package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.OneTimeTestRunUseCase;
import com.grepsr.scheduler.application.task.TaskLaunchService;
import com.grepsr.scheduler.domain.task.TaskOrigin;

/**
 * OneTimeTestRun: a test crawl of a report (a row limit, no schedule), launched now; created once
 * per client request id, so a retry answers with the first call's task.
 */
public final class OneTimeTestRunService implements OneTimeTestRunUseCase {

    private final TaskLaunchService launches;
    private final ManualTasks manual;

    public OneTimeTestRunService(TaskLaunchService launches, ManualTasks manual) {
        this.launches = launches;
        this.manual = manual;
    }

    @Override
    public OneTimeTestRunUseCase.Result execute(Caller caller, OneTimeTestRunUseCase.Command command) {
        caller.requireAccess(command.report().accountId(), "report " + command.report().reportId().value());
        return new OneTimeTestRunUseCase.Result(manual.submit(caller, "OneTimeTestRun", command.requestId(), command,
                () -> {
                    launches.requireCrawler(command.report().serviceCode());
                    return TaskOrigin.test(command.report(), command.parameters(), command.rowLimit(),
                            command.timeout().orElse(null));
                }));
    }
}
