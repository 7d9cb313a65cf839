package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * ISO 3166-2 subdivision codes through the real CLI and platform: a test pack of AU-NSW, AU-VIC and US-CA loads
 * beside the shipped packs, is assessed by code (lower case accepted) and by region, and malformed codes on the
 * command line are refused (exit 2) before anything starts.
 */
class SubnationalIT {
    static final Path PACK = TestPacks.REPO.resolve("core/src/test/resources/packs/subnational");

    @Test
    void subdivisionsAssessReportAndMatrixThroughTheCli() {
        Cli assess = Cli.run("assess", "-j", "us-ca,AU-NSW", "--as-of", "2016-01-01", "--packs", PACK.toString());
        assertEquals(0, assess.exit(), assess.toString());
        assertTrue(assess.out().contains("Test-only California (US-CA)"), assess.out());
        assertTrue(assess.out().contains("Test-only New South Wales (AU-NSW): 4 of 6 criteria met"), assess.out());

        Cli matrix = Cli.run("matrix", "-r", "TEST-SUBNATIONAL", "--as-of", "2016-01-01", "--format", "csv",
                "--packs", PACK.toString());
        assertEquals(0, matrix.exit(), matrix.toString());
        String[] rows = matrix.out().split("\n");
        assertTrue(rows[1].startsWith("Test-only California,US-CA,"), matrix.out());
        assertTrue(rows[2].startsWith("Test-only New South Wales,AU-NSW,"), matrix.out());
        assertTrue(rows[3].startsWith("Test-only Victoria,AU-VIC,"), matrix.out());

        Cli explain = Cli.run("explain", "-j", "au-nsw", "-c", "simple_possession", "--as-of", "2016-01-01",
                "--packs", PACK.toString());
        assertEquals(0, explain.exit(), explain.toString());
        assertTrue(explain.out().contains("AU-NSW-TEST-ACT-s2"), explain.out());
    }

    @Test
    void malformedCodesOnTheCommandLineAreRefusedWithTheExpectedShape() {
        for (String bad : new String[] {"USA", "US-", "US-CAXX", "U-CA"}) {
            Cli refused = Cli.run("assess", "-j", bad);
            assertEquals(2, refused.exit(), refused.toString());
            assertTrue(refused.err().contains("is not an ISO 3166 jurisdiction code"), refused.err());
            assertTrue(refused.err().contains("US-CA, AU-NSW"), refused.err());
        }
        Cli explain = Cli.run("explain", "-j", "USA", "-c", "definition");
        assertEquals(2, explain.exit(), explain.toString());
        Cli scaffold = Cli.run("pack", "new", "--id", "x-test", "-j", "US-CAXX", "--dir", "/nonexistent/never");
        assertEquals(2, scaffold.exit(), scaffold.toString());
    }
}
