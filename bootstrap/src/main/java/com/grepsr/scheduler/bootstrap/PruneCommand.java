package com.grepsr.scheduler.bootstrap;

import com.grepsr.scheduler.application.daemon.reconcile.Retention;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.config.SettingsException;
import com.grepsr.scheduler.bootstrap.config.SettingsReader;
import com.grepsr.scheduler.bootstrap.wiring.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code prune}: what the reconciler's retention step does a batch a tick, all at once, against
 * the configured database; with {@code --dry-run} it only counts what would go.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete settled runs, finished tasks with their history and delivered activity events older "
                + "than their retention (PHOENIX_RETENTION_*), as the reconciler does, then exit.")
final class PruneCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "properties file (overrides PHOENIX_CONFIG)")
    Path config;

    @Option(names = "--dry-run", description = "count what would be deleted (in a transaction rolled back at the "
            + "end, so run it off-peak), delete nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = SettingsReader.read(System.getenv(), Optional.ofNullable(config));
        } catch (SettingsException e) {
            System.err.println(e.getMessage());
            return ServeCommand.BAD_CONFIGURATION;
        }
        if (settings.store().kind() == Settings.StoreKind.MEMORY) {
            System.out.println("the memory store keeps nothing between runs: nothing to prune");
            return 0;
        }
        Clock clock = Clock.systemUTC();
        try (Stores stores = Stores.sql(settings.store(), clock)) {
            Retention retention = new Retention(stores.runs(), stores.tasks(), stores.history(), stores.outbox(),
                    stores.tx(), settings.retention());
            Retention.Pruned p = dryRun ? retention.dryRun(clock.instant()) : retention.all(clock.instant());
            String verb = dryRun ? "would delete" : "deleted";
            System.out.printf("%s %d scheduled runs, %d tasks, %d task history entries, %d activity events%n",
                    verb, p.runs(), p.tasks(), p.history(), p.events());
        }
        return 0;
    }
}
