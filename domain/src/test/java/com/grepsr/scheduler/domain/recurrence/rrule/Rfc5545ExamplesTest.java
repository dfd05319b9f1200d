package com.grepsr.scheduler.domain.recurrence.rrule;

import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.at;
import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.daysAt;
import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.rfc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The examples of RFC 5545 §3.8.5.3, with DTSTART in America/New_York as there. The RFC lists
 * DTSTART first even when it does not match (the Friday-the-13th example removes it with EXDATE);
 * here DTSTART counts only when it matches.
 */
class Rfc5545ExamplesTest {

    @Test
    void daily_for_ten_occurrences() {
        assertThat(rfc("FREQ=DAILY;COUNT=10", "1997-09-02T09:00", 20)).hasSize(10)
                .startsWith(at("1997-09-02T09:00")).endsWith(at("1997-09-11T09:00"));
    }

    @Test
    void daily_until_24_december() {
        assertThat(rfc("FREQ=DAILY;UNTIL=19971224T000000Z", "1997-09-02T09:00", 200)).hasSize(113)
                .endsWith(at("1997-12-23T09:00"));
    }

    @Test
    void every_other_day_and_every_ten_days() {
        assertThat(rfc("FREQ=DAILY;INTERVAL=2", "1997-09-02T09:00", 3))
                .containsExactly(daysAt("09:00", "1997-09-02", "1997-09-04", "1997-09-06"));
        assertThat(rfc("FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02T09:00", 10))
                .containsExactly(daysAt("09:00", "1997-09-02", "1997-09-12", "1997-09-22", "1997-10-02", "1997-10-12"));
    }

    @Test
    void every_day_in_january_for_three_years_written_two_ways() {
        var yearly = rfc("FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", "1998-01-01T09:00", 200);
        var daily = rfc("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", "1998-01-01T09:00", 200);
        assertThat(yearly).hasSize(93).isEqualTo(daily).endsWith(at("2000-01-31T09:00"));
    }

    @Test
    void weekly_until_and_every_other_week() {
        assertThat(rfc("FREQ=WEEKLY;UNTIL=19971224T000000Z", "1997-09-02T09:00", 50)).hasSize(17);
        assertThat(rfc("FREQ=WEEKLY;INTERVAL=2;WKST=SU", "1997-09-02T09:00", 4))
                .containsExactly(daysAt("09:00", "1997-09-02", "1997-09-16", "1997-09-30", "1997-10-14"));
    }

    @Test
    void weekly_on_tuesday_and_thursday_for_five_weeks() {
        var expected = daysAt("09:00", "1997-09-02", "1997-09-04", "1997-09-09", "1997-09-11", "1997-09-16",
                "1997-09-18", "1997-09-23", "1997-09-25", "1997-09-30", "1997-10-02");
        assertThat(rfc("FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00", 20)).containsExactly(expected);
        assertThat(rfc("FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00", 20)).containsExactly(expected);
    }

    @Test
    void every_other_week_on_monday_wednesday_friday_until_24_december() {
        assertThat(rfc("FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", "1997-09-01T09:00", 50))
                .hasSize(25).startsWith(daysAt("09:00", "1997-09-01", "1997-09-03", "1997-09-05", "1997-09-15"))
                .endsWith(daysAt("09:00", "1997-12-10", "1997-12-12", "1997-12-22"));
    }

    @Test
    void every_other_week_on_tuesday_and_thursday_for_eight() {
        assertThat(rfc("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00", 20))
                .containsExactly(daysAt("09:00", "1997-09-02", "1997-09-04", "1997-09-16", "1997-09-18", "1997-09-30",
                        "1997-10-02", "1997-10-14", "1997-10-16"));
    }

    @Test
    void monthly_on_the_first_friday() {
        assertThat(rfc("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05T09:00", 20))
                .containsExactly(daysAt("09:00", "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02",
                        "1998-02-06", "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05"));
        assertThat(rfc("FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "1997-09-05T09:00", 20)).hasSize(4);
    }

    @Test
    void every_other_month_on_the_first_and_last_sunday() {
        assertThat(rfc("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07T09:00", 20))
                .containsExactly(daysAt("09:00", "1997-09-07", "1997-09-28", "1997-11-02", "1997-11-30", "1998-01-04",
                        "1998-01-25", "1998-03-01", "1998-03-29", "1998-05-03", "1998-05-31"));
    }

    @Test
    void monthly_on_the_second_to_last_monday() {
        assertThat(rfc("FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "1997-09-22T09:00", 20))
                .containsExactly(daysAt("09:00", "1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19",
                        "1998-02-16"));
    }

    @Test
    void monthly_on_the_third_to_last_day() {
        assertThat(rfc("FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28T09:00", 6))
                .containsExactly(daysAt("09:00", "1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29",
                        "1998-02-26"));
    }

    @Test
    void monthly_on_the_2nd_and_15th_and_on_the_first_and_last_day() {
        assertThat(rfc("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "1997-09-02T09:00", 20)).hasSize(10)
                .endsWith(daysAt("09:00", "1998-01-02", "1998-01-15"));
        assertThat(rfc("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "1997-09-30T09:00", 20))
                .containsExactly(daysAt("09:00", "1997-09-30", "1997-10-01", "1997-10-31", "1997-11-01", "1997-11-30",
                        "1997-12-01", "1997-12-31", "1998-01-01", "1998-01-31", "1998-02-01"));
    }

    @Test
    void every_18_months_on_the_10th_to_15th() {
        assertThat(rfc("FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", "1997-09-10T09:00", 20))
                .hasSize(10).endsWith(daysAt("09:00", "1999-03-10", "1999-03-11", "1999-03-12", "1999-03-13"));
    }

    @Test
    void every_tuesday_every_other_month() {
        assertThat(rfc("FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "1997-09-02T09:00", 10))
                .containsExactly(daysAt("09:00", "1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30",
                        "1997-11-04", "1997-11-11", "1997-11-18", "1997-11-25", "1998-01-06"));
    }

    @Test
    void yearly_in_june_and_july_and_every_other_year_in_the_first_quarter() {
        assertThat(rfc("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10T09:00", 20)).hasSize(10)
                .endsWith(daysAt("09:00", "2001-06-10", "2001-07-10"));
        assertThat(rfc("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "1997-03-10T09:00", 20))
                .containsExactly(daysAt("09:00", "1997-03-10", "1999-01-10", "1999-02-10", "1999-03-10", "2001-01-10",
                        "2001-02-10", "2001-03-10", "2003-01-10", "2003-02-10", "2003-03-10"));
    }

    @Test
    void every_third_year_on_days_1_100_and_200() {
        assertThat(rfc("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", "1997-01-01T09:00", 20))
                .containsExactly(daysAt("09:00", "1997-01-01", "1997-04-10", "1997-07-19", "2000-01-01", "2000-04-09",
                        "2000-07-18", "2003-01-01", "2003-04-10", "2003-07-19", "2006-01-01"));
    }

    @Test
    void the_20th_monday_and_monday_of_week_20() {
        assertThat(rfc("FREQ=YEARLY;BYDAY=20MO", "1997-05-19T09:00", 3))
                .containsExactly(daysAt("09:00", "1997-05-19", "1998-05-18", "1999-05-17"));
        assertThat(rfc("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "1997-05-12T09:00", 3))
                .containsExactly(daysAt("09:00", "1997-05-12", "1998-05-11", "1999-05-17"));
    }

    @Test
    void every_thursday_in_march_and_in_summer() {
        assertThat(rfc("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13T09:00", 11))
                .containsExactly(daysAt("09:00", "1997-03-13", "1997-03-20", "1997-03-27", "1998-03-05", "1998-03-12",
                        "1998-03-19", "1998-03-26", "1999-03-04", "1999-03-11", "1999-03-18", "1999-03-25"));
        assertThat(rfc("FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "1997-06-05T09:00", 14))
                .hasSize(14).endsWith(daysAt("09:00", "1997-08-28", "1998-06-04"));
    }

    @Test
    void friday_the_13th_without_the_non_matching_dtstart() {
        assertThat(rfc("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "1997-09-02T09:00", 5))
                .containsExactly(daysAt("09:00", "1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"));
    }

    @Test
    void first_saturday_after_the_first_sunday() {
        assertThat(rfc("FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "1997-09-13T09:00", 10))
                .containsExactly(daysAt("09:00", "1997-09-13", "1997-10-11", "1997-11-08", "1997-12-13", "1998-01-10",
                        "1998-02-07", "1998-03-07", "1998-04-11", "1998-05-09", "1998-06-13"));
    }

    @Test
    void us_presidential_election_day() {
        assertThat(rfc("FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "1996-11-05T09:00", 3))
                .containsExactly(daysAt("09:00", "1996-11-05", "2000-11-07", "2004-11-02"));
    }

    @Test
    void set_positions_third_weekday_instance_and_second_to_last_weekday() {
        assertThat(rfc("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04T09:00", 5))
                .containsExactly(daysAt("09:00", "1997-09-04", "1997-10-07", "1997-11-06"));
        assertThat(rfc("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "1997-09-29T09:00", 7))
                .containsExactly(daysAt("09:00", "1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29",
                        "1998-02-26", "1998-03-30"));
    }

    @Test
    void every_three_hours_until_five_pm_local() {
        // the RFC writes UNTIL=19970902T170000Z yet lists 15:00 EDT (19:00Z); a local UNTIL says what it meant
        assertThat(rfc("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000", "1997-09-02T09:00", 10))
                .containsExactly(at("1997-09-02T09:00", "1997-09-02T12:00", "1997-09-02T15:00"));
        assertThat(rfc("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", "1997-09-02T09:00", 10))
                .containsExactly(at("1997-09-02T09:00", "1997-09-02T12:00"));
    }

    @Test
    void every_15_minutes_and_every_90_minutes() {
        assertThat(rfc("FREQ=MINUTELY;INTERVAL=15;COUNT=6", "1997-09-02T09:00", 10)).containsExactly(at("1997-09-02T09:00",
                "1997-09-02T09:15", "1997-09-02T09:30", "1997-09-02T09:45", "1997-09-02T10:00", "1997-09-02T10:15"));
        assertThat(rfc("FREQ=MINUTELY;INTERVAL=90;COUNT=4", "1997-09-02T09:00", 10)).containsExactly(at("1997-09-02T09:00",
                "1997-09-02T10:30", "1997-09-02T12:00", "1997-09-02T13:30"));
    }

    @Test
    void every_20_minutes_from_nine_to_sixteen_forty_written_two_ways() {
        var daily = rfc("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", "1997-09-02T09:00", 48);
        var minutely = rfc("FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", "1997-09-02T09:00", 48);
        assertThat(daily).isEqualTo(minutely).hasSize(48)
                .contains(at("1997-09-02T16:40", "1997-09-03T09:00"));
        assertThat(daily.get(23)).isEqualTo(at("1997-09-02T16:40")[0]);
    }

    @Test
    void week_start_changes_which_days_share_a_period() {
        assertThat(rfc("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05T09:00", 10))
                .containsExactly(daysAt("09:00", "1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"));
        assertThat(rfc("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05T09:00", 10))
                .containsExactly(daysAt("09:00", "1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"));
    }

    @Test
    void invalid_dates_are_skipped_not_moved() {
        assertThat(rfc("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "2007-01-15T09:00", 10))
                .containsExactly(daysAt("09:00", "2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30"));
    }
}
