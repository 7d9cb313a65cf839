package org.lexgap.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A pack's load-time tests are budgeted on the processor time their sessions use, not on a busy machine's clock. */
class PackTestsBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBusyMachineStretchingTheClockDoesNotRefuseThePack() {
        assertFalse(PackTests.outOfTime(2 * SECOND, 6 * SECOND, SECOND / 2));
    }

    @Test
    void processorTimeOverTheAllowanceStopsTheTests() {
        assertTrue(PackTests.outOfTime(2 * SECOND, 3 * SECOND, 2 * SECOND));
    }

    @Test
    void farMoreWallTimeThanTheAllowanceStopsThemWhateverTheProcessorTime() {
        assertTrue(PackTests.outOfTime(2 * SECOND, 10 * SECOND, 0));
    }

    @Test
    void withinTheAllowanceNothingStops() {
        assertFalse(PackTests.outOfTime(2 * SECOND, SECOND, SECOND));
    }
}
