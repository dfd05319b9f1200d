package com.grepsr.scheduler.adapters.web.view;

/**
 * What every page's frame shows: its title, which navigation entry is current, who is logged in,
 * and the session's CSRF token for the page's forms.
 */
public record Chrome(String title, String current, String who, String csrf, boolean loginRequired) {
}
