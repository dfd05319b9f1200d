package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import com.grepsr.scheduler.application.model.StoreUnavailableException;
import org.jooq.SQLDialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The databases the SQL adapter supports, each with its jOOQ dialect, its migrations and its
 * {@link VendorStrategy} (what the stores do differently on it). PostgreSQL and H2 share the
 * standard-SQL migrations; MySQL and MariaDB share theirs and their strategy. MariaDB gets jOOQ's
 * own dialect: it differs from MySQL 8 in SQL jOOQ renders.
 */
public enum SqlVendor {
    POSTGRESQL(SQLDialect.POSTGRES, "standard", VendorStrategy::postgres),
    MYSQL(SQLDialect.MYSQL, "mysql", VendorStrategy::mySql),
    MARIADB(SQLDialect.MARIADB, "mysql", VendorStrategy::mySql),
    H2(SQLDialect.H2, "standard", VendorStrategy::h2);

    private final SQLDialect dialect;
    private final String migrationFolder;
    private final Supplier<VendorStrategy> strategy;

    SqlVendor(SQLDialect dialect, String migrationFolder, Supplier<VendorStrategy> strategy) {
        this.dialect = dialect;
        this.migrationFolder = migrationFolder;
        this.strategy = strategy;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** A new strategy for this vendor's stores. */
    VendorStrategy strategy() {
        return strategy.get();
    }

    /** Flyway location of this vendor's migrations. */
    public String migrations() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /**
     * Asks the server what it is. A {@code jdbc:mysql:} URL may well reach a MariaDB server
     * (MySQL Connector/J then reports a version like {@code 5.5.5-10.11.19-MariaDB}).
     */
    public static SqlVendor detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return of(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot reach the database to find out its vendor: " + e.getMessage(), e);
        }
    }

    static SqlVendor of(String productName, String productVersion) {
        String name = productName.toLowerCase(Locale.ROOT);
        String version = productVersion == null ? "" : productVersion.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || (name.contains("mysql") && version.contains("mariadb"))) {
            return MARIADB;
        }
        if (name.contains("mysql")) {
            return MYSQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database " + productName + " " + productVersion
                + "; supported: PostgreSQL, MySQL, MariaDB, H2");
    }
}
