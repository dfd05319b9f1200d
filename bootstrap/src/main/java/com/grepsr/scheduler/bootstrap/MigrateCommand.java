package com.grepsr.scheduler.bootstrap;

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
 * {@code migrate}: brings the configured database's schema up to date and exits, for deployments
 * that migrate in a separate step before starting new replicas ({@code serve} migrates too).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Bring the configured database (PHOENIX_DB_URL) up to the current schema, then exit.")
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "properties file (overrides PHOENIX_CONFIG)")
    Path config;

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
            System.out.println("the memory store has no schema: nothing to migrate");
            return 0;
        }
        try (Stores stores = Stores.sql(settings.store(), Clock.systemUTC())) { // opening migrates
            System.out.println("schema up to date: " + stores.description());
        }
        return 0;
    }
}
