package com.grepsr.scheduler.domain.recurrence.cron;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random cron expressions covering every feature, each with its {@link CronModel}. The value sets
 * are computed here by plain loops, independently of {@link FieldParser}. Profiles restrict the
 * syntax to what a peer implementation shares with us, for differential tests.
 */
final class CronGenerator {

    enum Profile {
        /** Everything: 5/6/7 fields, macros, names, wrapping week ranges, Quartz day rules, OR of day fields. */
        ALL,
        /** Spring 6.2's CronExpression: 6 fields, at most one day field restricted, no W, no wrapping ranges. */
        SPRING
    }

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final String[][] MACROS = {
        {"@yearly", "0 0 0 1 1 *"}, {"@annually", "0 0 0 1 1 *"}, {"@monthly", "0 0 0 1 * *"},
        {"@weekly", "0 0 0 * * 0"}, {"@daily", "0 0 0 * * *"}, {"@midnight", "0 0 0 * * *"}, {"@hourly", "0 0 * * * *"}};

    private final Random random;
    private final Profile profile;

    private CronGenerator(long seed, Profile profile) {
        this.random = new Random(seed);
        this.profile = profile;
    }

    static CronModel generate(long seed, Profile profile) {
        return new CronGenerator(seed, profile).model();
    }

    private CronModel model() {
        CronModel m = new CronModel();
        if (profile == Profile.ALL && random.nextInt(20) == 0) {
            String[] macro = MACROS[random.nextInt(MACROS.length)];
            CronModel expanded = new CronGenerator(0, profile).fromFixed(macro[1]);
            expanded.text = random.nextBoolean() ? macro[0] : macro[0].toUpperCase(Locale.ROOT);
            return expanded;
        }
        int fields = profile == Profile.SPRING ? 6 : 5 + random.nextInt(3);
        String sec = fields == 5 ? null : plain(m.seconds, 0, 59, null, 0.3);
        if (sec == null) {
            m.seconds.set(0);
        }
        String min = plain(m.minutes, 0, 59, null, 0.3);
        String hour = plain(m.hours, 0, 23, null, 0.4);
        String dom = dayOfMonth(m);
        String mon = plain(m.months, 1, 12, MONTHS, 0.6);
        String dow = dayOfWeek(m, profile == Profile.SPRING && m.domRestricted);
        String year = null;
        if (fields == 7) {
            if (random.nextInt(3) == 0) {
                year = "*";
            } else {
                m.years = new BitSet();
                // values up to 2110 keep answers near; steps run on to the field's end, 9999
                year = plain(m.years, 1970, 2110, 9999, null, 0.0);
            }
        }
        StringBuilder text = new StringBuilder();
        if (sec != null) {
            text.append(sec).append(' ');
        }
        text.append(min).append(' ').append(hour).append(' ').append(dom).append(' ').append(mon).append(' ').append(dow);
        if (year != null) {
            text.append(' ').append(year);
        }
        m.text = text.toString();
        return m;
    }

    /** A model for a fixed 6-field expression of plain fields (used for macros). */
    private CronModel fromFixed(String sixFields) {
        CronModel m = new CronModel();
        String[] f = sixFields.split(" ");
        BitSet[] sets = {m.seconds, m.minutes, m.hours, m.domDays, m.months, m.weekdays};
        int[][] ranges = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
        for (int i = 0; i < 6; i++) {
            if (f[i].equals("*")) {
                sets[i].set(ranges[i][0], ranges[i][1] + 1);
            } else {
                sets[i].set(Integer.parseInt(f[i]));
            }
        }
        m.domRestricted = !f[3].equals("*");
        m.dowRestricted = !f[5].equals("*");
        return m;
    }

    /** A plain field: {@code *} with probability {@code star}, else a list of values/ranges/steps. */
    private String plain(BitSet set, int min, int max, String[] names, double star) {
        return plain(set, min, max, max, names, star);
    }

    private String plain(BitSet set, int min, int max, int end, String[] names, double star) {
        if (random.nextDouble() < star) {
            set.set(min, max + 1);
            return "*";
        }
        List<String> items = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            items.add(item(set, min, max, end, names));
        }
        return String.join(",", items);
    }

    private String item(BitSet set, int min, int max, String[] names) {
        return item(set, min, max, max, names);
    }

    /** One list item with values in [min, max]; open-ended steps continue to {@code end}. */
    private String item(BitSet set, int min, int max, int end, String[] names) {
        int span = max - min + 1;
        int step = 1 + (random.nextBoolean() ? random.nextInt(Math.min(span, 6)) : random.nextInt(span));
        int a = min + random.nextInt(span);
        int b = min + random.nextInt(span);
        switch (random.nextInt(5)) {
            case 0:
                set.set(a);
                return render(a, names);
            case 1:
                for (int v = min; v <= end; v += step) {
                    set.set(v);
                }
                return "*/" + step;
            case 2:
                for (int v = a; v <= end; v += step) {
                    set.set(v);
                }
                return render(a, names) + "/" + step;
            default:
                int lo = Math.min(a, b);
                int hi = Math.max(a, b);
                for (int v = lo; v <= hi; v += step) {
                    set.set(v);
                }
                return render(lo, names) + "-" + render(hi, names) + (step > 1 || random.nextBoolean() ? "/" + step : "");
        }
    }

    private String render(int v, String[] names) {
        // 7 is written as a number: as SUN it would read 0 and turn SUN-SUN (0-7) into Sunday only
        // Spring reads SUN as 7, we as 0: SUN/5 is {Sun} there and {Sun, Fri} here, so Spring gets numbers
        boolean springSunday = profile == Profile.SPRING && names != MONTHS && v % 7 == 0;
        if (names == null || random.nextBoolean() || (names == DAYS_WITH_SEVEN && v == 7) || springSunday) {
            return Integer.toString(v);
        }
        String name = names == MONTHS ? MONTHS[v - 1] : names[v];
        return random.nextBoolean() ? name : name.toLowerCase(Locale.ROOT);
    }

    private String dayOfMonth(CronModel m) {
        int r = random.nextInt(10);
        if (r < 5) {
            return r < 3 ? "*" : "?";
        }
        m.domRestricted = true;
        if (r < 7) {
            return plain(m.domDays, 1, 31, null, 0.0);
        }
        List<String> items = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(profile == Profile.SPRING ? 3 : 6)) {
                case 0 -> { m.lastOffsets.set(0); items.add("L"); }
                case 1 -> { int n = profile == Profile.SPRING ? 1 + random.nextInt(27) : random.nextInt(31); m.lastOffsets.set(n); items.add("L-" + n); }
                case 2 -> items.add(item(m.domDays, 1, 31, null));
                case 3 -> { m.lastWeekday = true; items.add("LW"); }
                default -> { int d = 1 + random.nextInt(31); m.nearestWeekdays.set(d); items.add(d + "W"); }
            }
        }
        return String.join(",", items);
    }

    private String dayOfWeek(CronModel m, boolean mustBeOpen) {
        int r = random.nextInt(10);
        if (mustBeOpen || r < 4) {
            return r % 2 == 0 ? "*" : "?";
        }
        m.dowRestricted = true;
        List<String> items = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            int w = random.nextInt(7);
            String day = random.nextBoolean() ? DAYS[w] : Integer.toString(w == 0 && random.nextBoolean() ? 7 : w);
            switch (random.nextInt(4)) {
                case 0 -> { m.lastWeekdays.set(w); items.add(day + "L"); }
                case 1 -> { int k = 1 + random.nextInt(5); m.nthWeekdays.set(7 * (k - 1) + w); items.add(day + "#" + k); }
                case 2 -> items.add(profile == Profile.SPRING ? plainWeekdays(m.weekdays) : wrapping(m.weekdays));
                default -> items.add(plainWeekdays(m.weekdays));
            }
        }
        return String.join(",", items);
    }

    /** Values 0-7 as cron reads them (a step from 1 reaches 7, Sunday), folded onto 0-6. */
    private String plainWeekdays(BitSet weekdays) {
        BitSet raw = new BitSet();
        String text = item(raw, 0, 7, DAYS_WITH_SEVEN);
        if (profile == Profile.SPRING && text.startsWith("*/")) {
            // Spring's week starts at 1, so its */6 is {Mon, Sun}; ours (Vixie) is {Sun, Sat}
            text = "0-7" + text.substring(1);
        }
        if (profile == Profile.SPRING && text.startsWith("7-7")) {
            // Spring 6.2 reads the range 7-7 as Friday; 7 alone (or 7/s, which stops at 7) means Sunday to both
            text = "7" + text.substring(3);
        }
        for (int v = raw.nextSetBit(0); v >= 0; v = raw.nextSetBit(v + 1)) {
            weekdays.set(v % 7);
        }
        return text;
    }

    private static final String[] DAYS_WITH_SEVEN = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    /** A range that may wrap through Sunday, such as FRI-MON or 6-1. */
    private String wrapping(BitSet weekdays) {
        int a = random.nextInt(7);
        int b = random.nextInt(7);
        int step = 1 + random.nextInt(3);
        List<Integer> walk = new ArrayList<>();
        for (int v = a; ; v = (v + 1) % 7) {
            walk.add(v);
            if (v == b) {
                break;
            }
        }
        for (int i = 0; i < walk.size(); i += step) {
            weekdays.set(walk.get(i));
        }
        String from = random.nextBoolean() ? DAYS[a] : Integer.toString(a);
        String to = random.nextBoolean() ? DAYS[b] : Integer.toString(b);
        return from + "-" + to + (step > 1 ? "/" + step : "");
    }
}
