package com.grepsr.scheduler.adapters.sql.vendor;

import org.jooq.Field;

import java.util.Arrays;
import java.util.List;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASKS;
import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASK_HISTORY;

/** The columns each bulk write sends, in table order. */
final class BulkColumns {

    static final List<Field<?>> TASK_INSERTED = List.of(TASKS.fields());

    /** A task update writes all but the key and the creation time, which never change. */
    static final List<Field<?>> TASK_UPDATED = Arrays.stream(TASKS.fields())
            .filter(f -> !f.equals(TASKS.ID) && !f.equals(TASKS.CREATED_AT)).toList();

    /** A history row gets every column but the sequence, which the identity column assigns. */
    static final List<Field<?>> HISTORY_APPENDED = Arrays.stream(TASK_HISTORY.fields())
            .filter(f -> !f.equals(TASK_HISTORY.SEQ)).toList();

    private BulkColumns() {
    }
}
