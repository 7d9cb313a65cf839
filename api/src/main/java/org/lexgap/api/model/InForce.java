package org.lexgap.api.model;

import java.time.LocalDate;

/** The one definition of "in force on a date" that instruments and provisions share. */
final class InForce {
    private InForce() {
    }

    /** In force from {@code from} (inclusive) until {@code until} (exclusive); no start date means never. */
    static boolean between(LocalDate from, LocalDate until, LocalDate date) {
        return from != null && !date.isBefore(from) && (until == null || date.isBefore(until));
    }
}
