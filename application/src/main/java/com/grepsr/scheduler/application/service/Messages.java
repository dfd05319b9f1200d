package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.task.Task;

/** Turns text from elsewhere (exception messages, launcher errors) into a valid task message. */
final class Messages {

    private Messages() {
    }

    /** "stopped by alice" or "stopped by alice: wrong category": who stopped a task, and why. */
    static String stoppedBy(Caller caller, String reason) {
        String by = "stopped by " + clip(caller.name(), 200);
        return reason.isEmpty() ? by : by + ": " + reason;
    }

    /** Control characters become spaces and the text is cut to what a task message may hold. */
    static String clip(String text) {
        return clip(text, Task.MAX_MESSAGE_LENGTH);
    }

    /** {@link #clip(String)} to at most {@code max} characters. */
    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && b.length() < max - 1; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
        }
        String s = b.toString();
        return s.length() < text.length() ? s + "…" : s;
    }
}
