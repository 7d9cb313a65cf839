package org.lexgap.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.Provision;

class InForceTest {
    static final LocalDate FROM = LocalDate.of(2009, 11, 17);
    static final LocalDate REPEAL = LocalDate.of(2022, 7, 30);

    static Instrument instrument(LocalDate inForce, LocalDate repealed) {
        return new Instrument("X", "PH", "t", "c", null, inForce, repealed, null, "s", true, null);
    }

    @Test
    void inForceFromItsDateInclusiveUntilRepealExclusive() {
        Instrument act = instrument(FROM, REPEAL);
        assertFalse(act.inForceOn(FROM.minusDays(1)));
        assertTrue(act.inForceOn(FROM));
        assertTrue(act.inForceOn(REPEAL.minusDays(1)));
        assertFalse(act.inForceOn(REPEAL));
    }

    @Test
    void withoutAnInForceDateNeverInForce() {
        assertFalse(instrument(null, null).inForceOn(LocalDate.of(2100, 1, 1)));
    }

    @Test
    void provisionsFollowTheirOwnDates() {
        Provision later = new Provision("p", "PH", "X", "s. 1", null, "sum", LocalDate.of(2012, 1, 1), null, "s", true, List.of());
        assertFalse(later.inForceOn(LocalDate.of(2011, 12, 31)));
        assertTrue(later.inForceOn(LocalDate.of(2030, 1, 1)));
    }
}
