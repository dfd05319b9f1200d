package com.grepsr.scheduler.domain.recurrence.cron;

import java.util.BitSet;

/**
 * Parses the common part of every field: lists of values, names, ranges and steps
 * ({@code 5}, {@code MON}, {@code 9-17}, {@code 10-50/5}, {@code 5/10}, {@code *}{@code /15}).
 *
 * <p>Works on one field of one expression; every error names the field and the token.
 */
final class FieldParser {

    /** More digits than any field's maximum (9999) has: rejected before it can overflow. */
    private static final int MAX_DIGITS = 4;

    private final String expression;
    private final CronField field;

    FieldParser(String expression, CronField field) {
        this.expression = expression;
        this.field = field;
    }

    /** Parses a whole plain field ({@code *} or a list) into the set of its values. */
    BitSet parseField(String text) {
        BitSet bits = new BitSet(field.max + 1);
        for (String item : splitList(text)) {
            addItem(item, bits);
        }
        return bits;
    }

    /** The comma-separated items of a field; an empty item is an error. */
    String[] splitList(String text) {
        String[] items = text.split(",", -1);
        for (String item : items) {
            if (item.isEmpty()) {
                throw error("empty item in list '" + text + "'");
            }
        }
        return items;
    }

    /** Adds the values of one list item: {@code *}, a value, a range, each with an optional step. */
    void addItem(String item, BitSet into) {
        int slash = item.indexOf('/');
        String range = slash < 0 ? item : item.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            step = parseStep(item.substring(slash + 1), item);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = field.min;
            to = field.max;
        } else {
            int dash = range.indexOf('-', 1);
            if (dash < 0) {
                from = value(range);
                // "5/10" means from 5 every 10 to the end of the range; a bare "5" is just 5
                to = slash >= 0 ? field.max : from;
            } else {
                from = value(range.substring(0, dash));
                to = value(range.substring(dash + 1));
            }
        }
        if (from <= to) {
            for (int v = from; v <= to; v += step) {
                into.set(v);
            }
        } else if (field == CronField.DAY_OF_WEEK) {
            // a wrapping week range such as FRI-SUN or SAT-MON: walk forward through Sunday
            int start = from % 7;
            int count = Math.floorMod(to % 7 - start, 7) + 1;
            for (int i = 0; i < count; i += step) {
                into.set((start + i) % 7);
            }
        } else {
            throw error(field.label + " range '" + range + "' is reversed; write it low-high, e.g. '"
                    + to + "-" + from + "'");
        }
    }

    private int parseStep(String text, String item) {
        if (text.isEmpty()) {
            throw error(field.label + " step missing after '/' in '" + item + "'");
        }
        int step = number(text, "step");
        if (step < 1) {
            throw error(field.label + " step " + step + " in '" + item + "' must be at least 1");
        }
        int span = field.max - field.min + 1;
        if (step > span) {
            throw error(field.label + " step " + step + " in '" + item + "' is larger than the range "
                    + field.min + "-" + field.max);
        }
        return step;
    }

    /** A single value: a number in the field's range or one of its names. */
    int value(String token) {
        if (token.isEmpty()) {
            throw error("missing " + field.label + " value");
        }
        int v;
        if (Character.isLetter(token.charAt(0))) {
            if (!field.hasNames()) {
                throw error(field.label + " value '" + token + "' is not a number");
            }
            v = field.valueOfName(token);
            if (v < 0) {
                throw error("unknown " + field.label + " name '" + token + "' (use " + field.nameRange() + ")");
            }
            return v;
        }
        v = number(token, "value");
        if (v < field.min || v > field.max) {
            throw error(field.label + " value " + v + " is out of range " + field.min + "-" + field.max);
        }
        return v;
    }

    /** A decimal number of at most four digits. */
    int number(String token, String what) {
        if (token.isEmpty()) {
            throw error("missing " + field.label + " " + what);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                throw error(field.label + " " + what + " '" + token + "' is not a number");
            }
        }
        if (token.length() > MAX_DIGITS) {
            throw error(field.label + " " + what + " '" + token + "' is too large (at most " + field.max + ")");
        }
        return Integer.parseInt(token);
    }

    IllegalArgumentException error(String problem) {
        return CronErrors.invalid(expression, problem);
    }
}
