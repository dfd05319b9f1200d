package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.StoreUnavailableException;
import org.jooq.SQLDialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the SQL adapter supports, each with its jOOQ dialect and its migrations.
 * PostgreSQL and H2 share the standard-SQL migrations; MySQL and MariaDB share theirs. MariaDB
 * gets jOOQ's own dialect: it differs from MySQL 8 in SQL jOOQ renders.
 */
public enum SqlVendor {
    POSTGRESQL(SQLDialect.POSTGRES, "standard"),
    MYSQL(SQLDialect.MYSQL, "mysql"),
    MARIADB(SQLDialect.MARIADB, "mysql"),
    H2(SQLDialect.H2, "standard");

    private final SQLDialect dialect;
    private final String migrationFolder;

    SqlVendor(SQLDialect dialect, String migrationFolder) {
        this.dialect = dialect;
        this.migrationFolder = migrationFolder;
    }

    public SQLDialect dialect() {
        return dialect;
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
