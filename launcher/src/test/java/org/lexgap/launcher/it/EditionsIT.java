package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-law editions as packs, through the real CLI in real Felix: the same jurisdiction packs under the 1st and the
 * 9th editions with five criteria each, the 8th-edition ASEAN table unchanged, the edition packs' own fixtures run
 * against the shipped jurisdictions, and one report under two editions.
 */
class EditionsIT {
    /** The Global Review's 8th-edition ASEAN table, as the shipped packs reproduce it. */
    static final String ASEAN_8TH = """
            country,iso3166_alpha2,specific_legislation,definition,computer_facilitated,simple_possession,isp_reporting,data_retention
            Brunei,BN,yes,yes,yes,yes,no,no
            Cambodia,KH,yes,yes,yes,no,no,no
            Indonesia,ID,yes,no,yes,yes,no,no
            Laos,LA,yes,no,yes,no,yes,no
            Malaysia,MY,yes,no,no,no,no,no
            Myanmar,MM,yes,no,yes,no,no,no
            Philippines,PH,yes,yes,yes,yes,yes,yes
            Singapore,SG,yes,no,yes,no,no,no
            Thailand,TH,yes,no,yes,yes,no,yes
            Vietnam,VN,yes,no,no,no,no,no
            """;

    @Test
    void aseanRunsUnderThe9thAndThe1stEditionWithFiveCriteriaAndThe8thTableIsUnchanged() {
        for (String edition : List.of("9", "1")) {
            Cli csv = Cli.run("matrix", "--region", "ASEAN", "--edition", edition, "--format", "csv");
            assertEquals(0, csv.exit(), csv.toString());
            List<String> lines = csv.out().lines().toList();
            assertEquals("country,iso3166_alpha2,specific_legislation,definition,computer_facilitated,simple_possession,"
                    + "isp_reporting", lines.get(0), edition);
            assertEquals(11, lines.size(), csv.out());
            lines.subList(1, 11).forEach(l -> assertEquals(7, l.split(",").length, l));
        }
        Cli grid = Cli.run("matrix", "--region", "ASEAN", "--edition", "9");
        assertTrue(grid.out().contains("criminalize technology-facilitated CSAM offenses"), grid.out());
        Cli first = Cli.run("matrix", "--region", "ASEAN", "--edition", "1", "--as-of", "2006-04-01");
        assertTrue(first.out().contains("Child Pornography: Model Legislation & Global Review, 1st Edition"), first.out());
        Cli sixth = Cli.run("matrix", "--region", "ASEAN", "--edition", "6");
        assertTrue(sixth.out().contains("criminalize the knowing possession of child pornography"), sixth.out());

        Cli eighth = Cli.run("matrix", "--region", "ASEAN", "--edition", "8", "--as-of", "2016-01-01", "--format", "csv");
        assertEquals(ASEAN_8TH, eighth.out());
    }

    @Test
    void theEditionPacksFixturesRunWithTheShippedPacksAndNoneIsSkipped() {
        for (String pack : List.of("model-law-9", "model-law-1-7")) {
            Cli test = Cli.run("pack", "test", TestPacks.REPO.resolve("rulepacks/" + pack + "/src/main/pack").toString());
            assertEquals(0, test.exit(), test.toString());
            assertTrue(test.out().contains("11 passed, 0 failed\n"), test.out());
            assertFalse(test.out().contains("SKIP"), test.out());
        }
        Cli packs = Cli.run("packs");
        assertTrue(packs.out().contains("model-law edition 1, 2, 3, 4, 5, 6, 7"), packs.out());
    }

    @Test
    void aReportUnderTwoEditionsShowsWhatChangedAndWhy(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("asean-8-vs-9.md");
        Cli cli = Cli.run("report", "--region", "ASEAN", "--edition", "8", "--compare-edition", "9", "--as-of",
                "2016-01-01", "-f", "md", "-o", file.toString());
        assertEquals(0, cli.exit(), cli.toString());
        String md = Files.readString(file);
        assertTrue(md.contains("| data_retention | 6. Are there data retention provisions"), md);
        assertTrue(md.contains("| only in edition 8 |"), md);
        assertTrue(md.contains("| Thailand | definition | Not met | Met | edition 8: NOT_MET by interpretation"
                + " TH-gr8-definition (recorded for edition 8 only); edition 9: MET by model-law-9"), md);
        Cli both = Cli.run("report", "-j", "MY", "--compare-with", "2010-01-01", "--compare-edition", "9");
        assertEquals(2, both.exit(), both.toString());
    }
}
