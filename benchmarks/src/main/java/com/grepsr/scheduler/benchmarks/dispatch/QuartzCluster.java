package com.grepsr.scheduler.benchmarks.dispatch;

import com.zaxxer.hikari.HikariDataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Quartz 2.5 as a clustered deployment runs it: the JDBC JobStore ({@code JobStoreTX}) with the
 * PostgreSQL delegate on the tables of Quartz's own DDL, one scheduler instance per replica, all
 * of the same cluster (same scheduler name, own instance id), each on its replica's pool.
 *
 * <p>Settings away from Quartz's defaults, each said in RESULTS.md: trigger acquisition in batches
 * of up to T (the threads; Quartz never acquires more than it has free threads, and its default of
 * 1 makes a round trip under the cluster lock per trigger), which its documentation requires to be
 * done within the lock; a misfire threshold of 10 minutes (no trigger of a measurement misfires:
 * all are due at once and none is late on purpose); the shortest idle wait Quartz allows (1 s).
 */
final class QuartzCluster {

    static final String NAME = "bench-quartz";

    private QuartzCluster() {
    }

    /** Drops and creates Quartz's tables from the DDL in its jar. */
    static void createTables(BenchDatabase db) throws IOException, java.sql.SQLException {
        String ddl;
        try (InputStream in = Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            if (in == null) {
                throw new IllegalStateException("tables_postgres.sql is not in the Quartz jar");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = ddl.lines().filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n"));
        db.execute(Arrays.stream(withoutComments.split(";")).map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("COMMIT")).toArray(String[]::new));
    }

    /** A scheduler instance of the cluster (not started), on {@code pool}, its jobs made by {@code jobs}. */
    static Scheduler instance(String instanceId, HikariDataSource pool, int threads, JobFactory jobs)
            throws SchedulerException {
        String dataSource = "bench-" + instanceId;
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, provider(pool));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "600000");
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        // Quartz keeps one scheduler per name in a JVM-wide registry; the replicas share the
        // cluster's name, so each is taken out of it to let the next one be created
        SchedulerRepository.getInstance().remove(NAME);
        scheduler.setJobFactory(jobs);
        return scheduler;
    }

    /** The replica's pool as Quartz's data source; closing the pool is the caller's business. */
    private static ConnectionProvider provider(HikariDataSource pool) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return pool.getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        };
    }
}
