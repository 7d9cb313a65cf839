package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.launcher.Platform;

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
    void theFoundersRunUnderThe1stEditionFromTheCliWithNoPackRefused() {
        // The CLI loads only the packs a command needs; a jurisdictions pack still brings every edition it names.
        Cli founders = Cli.run("matrix", "--region", "FOUNDERS", "--edition", "1", "--as-of", "2006-04-01", "--format", "csv");
        assertEquals(0, founders.exit(), founders.toString());
        assertFalse(founders.err().contains("refused"), founders.toString());
        List<String> rows = founders.out().lines().toList();
        assertEquals(6, rows.size(), founders.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Belgium,BE,yes,yes,yes,yes,yes")), founders.toString());
    }

    @Test
    void aseanRunsUnderThe9thAndThe1stEditionWithFiveCriteriaAndThe8thTableIsUnchanged() {
        for (String edition : List.of("9", "1")) {
            List<String> lines = matrix(edition, null, "csv").lines().toList();
            assertEquals("country,iso3166_alpha2,specific_legislation,definition,computer_facilitated,simple_possession,"
                    + "isp_reporting", lines.get(0), edition);
            assertEquals(11, lines.size(), String.join("\n", lines));
            lines.subList(1, 11).forEach(l -> assertEquals(7, l.split(",").length, l));
        }
        assertTrue(matrix("9", null, "grid").contains("criminalize technology-facilitated CSAM offenses"));
        assertTrue(matrix("1", "2006-04-01", "grid").contains("Child Pornography: Model Legislation & Global Review, 1st Edition"));
        assertTrue(matrix("6", null, "grid").contains("criminalize the knowing possession of child pornography"));

        Cli eighth = Cli.run("matrix", "--region", "ASEAN", "--edition", "8", "--as-of", "2016-01-01", "--format", "csv");
        assertEquals(0, eighth.exit(), eighth.toString());
        assertEquals(ASEAN_8TH, eighth.out());
        Cli ninth = Cli.run("matrix", "--region", "ASEAN", "--edition", "9", "--format", "csv");
        assertEquals(0, ninth.exit(), ninth.toString());
        assertTrue(ninth.out().startsWith("country,iso3166_alpha2,specific_legislation,definition,computer_facilitated,"
                + "simple_possession,isp_reporting\n"), ninth.out());
    }

    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.start(Platform.Options.defaults());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The ASEAN matrix under {@code edition} as of {@code asOf} (today when null), in the real platform. */
    static String matrix(String edition, String asOf, String format) {
        return platform.renderer().render(platform.evaluator().assess(new AssessmentRequest(List.of(), "ASEAN", edition,
                asOf == null ? LocalDate.now() : LocalDate.parse(asOf))), format);
    }

    @Test
    void theEditionPacksFixturesRunWithTheShippedPacksAndNoneIsSkipped() {
        for (String pack : List.of("model-law-9", "model-law-1-7")) {
            Cli test = Cli.run("pack", "test", TestPacks.REPO.resolve("rulepacks/" + pack + "/src/main/pack").toString());
            assertEquals(0, test.exit(), test.toString());
            java.util.regex.Matcher counts = java.util.regex.Pattern.compile("(\\d+) passed, 0 failed\n").matcher(test.out());
            assertTrue(counts.find() && Integer.parseInt(counts.group(1)) >= 11, test.out());
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
