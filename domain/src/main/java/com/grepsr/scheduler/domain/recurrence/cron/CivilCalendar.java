package com.grepsr.scheduler.domain.recurrence.cron;

/**
 * Proleptic Gregorian calendar arithmetic on primitives (the same calendar as {@code java.time}).
 *
 * <p>The search runs on plain ints instead of {@code LocalDate} so that finding the next
 * occurrence allocates nothing. The conversions are Howard Hinnant's {@code days_from_civil} /
 * {@code civil_from_days}, exact for every year the engine supports.
 */
final class CivilCalendar {

    static final int SECONDS_PER_DAY = 86_400;

    private CivilCalendar() {
    }

    /** Days since 1970-01-01 of the given date. */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    /** The date of an epoch day, packed as {@code year << 9 | month << 5 | day} to avoid allocating. */
    static int packedDate(long epochDay) {
        long z = epochDay + 719_468L;
        long era = (z >= 0 ? z : z - 146_096L) / 146_097L;
        int dayOfEra = (int) (z - era * 146_097L);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
        return year << 9 | month << 5 | day;
    }

    static int year(int packed) {
        return packed >> 9;
    }

    static int month(int packed) {
        return (packed >> 5) & 15;
    }

    static int day(int packed) {
        return packed & 31;
    }

    static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int monthLength(int year, int month) {
        if (month == 2) {
            return isLeap(year) ? 29 : 28;
        }
        // 31 for Jan, Mar, May, Jul, Aug, Oct, Dec: parity flips after July
        return 30 + ((month + (month >> 3)) & 1);
    }

    /** Day of week of an epoch day, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 4, 7L);
    }
}
