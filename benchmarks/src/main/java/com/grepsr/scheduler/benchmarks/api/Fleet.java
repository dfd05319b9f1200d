package com.grepsr.scheduler.benchmarks.api;

import com.grepsr.scheduler.domain.common.ReportRef;

import java.util.SplittableRandom;

/**
 * The platform's side of the seeded data: accounts, each with a project and reports, each report
 * crawled by one of a few service codes. The seeder and the load draw from the same fleet, so the
 * load asks about accounts and reports that have data.
 */
record Fleet(int accounts, int reportsPerAccount) {

    private static final String[] SERVICE_CODES = {"amazon-products", "news-articles", "job-listings", "real-estate"};

    String account(int index) {
        return "acct-" + index;
    }

    String randomAccount(SplittableRandom random) {
        return account(random.nextInt(accounts));
    }

    /** A report of a random account: the same report always has the same project and service code. */
    ReportRef randomReport(SplittableRandom random) {
        int account = random.nextInt(accounts);
        int report = random.nextInt(reportsPerAccount);
        return ReportRef.of("rpt-" + account + "-" + report, "prj-" + account, account(account),
                SERVICE_CODES[(account + report) % SERVICE_CODES.length]);
    }
}
