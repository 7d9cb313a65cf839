package org.lexgap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The whole-process references of {@link ProcessBench} print the verdicts the in-process ones decide, and the same
 * for plain Drools as for the hand-written evaluator, so that the processes compared do the same work.
 */
class ReferenceMainTest {
    @Test
    void bothReferenceProgramsPrintThePhilippinesVerdictsAtTheCutoff() {
        Law law = Law.read();
        List<String> expected = HandWritten.assess(law.edition(), law.jurisdictions().get("PH"),
                LocalDate.of(2016, 1, 1)).stream().map(v -> v.criterion() + " " + v.status() + " " + v.evidence())
                .toList();
        assertEquals(6, expected.size());
        assertEquals(expected, printed("hand"));
        assertEquals(expected, printed("drools"));
    }

    private static List<String> printed(String reference) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            ReferenceMain.main(new String[] {reference, "PH"});
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
