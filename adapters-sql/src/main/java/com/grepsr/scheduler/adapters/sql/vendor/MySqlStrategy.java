package com.grepsr.scheduler.adapters.sql.vendor;

/**
 * MySQL 8 and MariaDB: the portable statements serve them (jOOQ spells ON CONFLICT DO NOTHING
 * their way). MariaDB's SKIP LOCKED skips only rows others took as long as an index delivers the
 * read's ORDER BY, which the stores' claim and take queries are written for.
 */
final class MySqlStrategy extends PortableStrategy {

    @Override
    public boolean serializesSkipLockedReads() {
        return false;
    }

    @Override
    public boolean castsTimestampParameters() {
        return false;
    }

    @Override
    public boolean insertsManyTasksAtOnce() {
        return true;
    }
}
