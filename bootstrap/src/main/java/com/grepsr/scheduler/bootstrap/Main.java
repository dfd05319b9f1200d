package com.grepsr.scheduler.bootstrap;

import com.grepsr.scheduler.bootstrap.cli.Failures;
import com.grepsr.scheduler.bootstrap.cli.PreviewCommand;
import com.grepsr.scheduler.bootstrap.cli.RunCommand;
import com.grepsr.scheduler.bootstrap.cli.SchedulesCommand;
import com.grepsr.scheduler.bootstrap.cli.StatsCommand;
import com.grepsr.scheduler.bootstrap.cli.TasksCommand;
import com.grepsr.scheduler.bootstrap.runtime.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/**
 * The jar's entry point: {@code serve} (the default) runs the scheduler; the other commands are
 * the command-line client and helpers.
 */
@Command(name = "phoenix-scheduler", mixinStandardHelpOptions = true, version = "Phoenix Scheduler 0.1.0",
        description = "Crawler scheduler: run it (serve) or talk to a running one.",
        subcommands = {ServeCommand.class, SchedulesCommand.class, PreviewCommand.class, RunCommand.class,
                TasksCommand.class, StatsCommand.class, SettingsCommand.class, MigrateCommand.class,
                PruneCommand.class, ActivityCommand.class})
public final class Main {

    /** Environment variables of the command-line client, not settings of the service. */
    static final Set<String> CLIENT_VARIABLES = Set.of("PHOENIX_SERVER", "PHOENIX_TOKEN");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String... args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        if (!effective[0].equals("serve") && !effective[0].equals("migrate")) {
            Logging.rootLevel("WARN"); // a client command's own output is the point; only problems get logged
        }
        return new CommandLine(new Main()).setExecutionExceptionHandler(new Failures()).execute(effective);
    }
}
