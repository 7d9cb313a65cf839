package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lexgap sources} and the source check, through the real CLI and the real platform. */
class SourcesIT {

    @Test
    void theServingPacksListEverySourceAsCsvForASpreadsheet() {
        Cli csv = Cli.run("sources", "--format", "csv");
        assertEquals(0, csv.exit(), csv.toString());
        List<String> rows = Arrays.asList(csv.out().split("\r\n", -1));
        assertEquals("pack,file,line,kind,item,verified,retrieved,form,source,pointer", rows.get(0));
        assertEquals("", rows.get(rows.size() - 1), "every record ends in CRLF");
        // the ASEAN pack: every instrument, provision and interpretation, located and dated
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("asean,jurisdictions/KH.json,") && r.contains(",provision,KH-LSHTSE-2008-art40,true,2026-12-02,url,")),
                csv.out());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("asean,jurisdictions/TH.json,") && r.contains(",interpretation,TH-gr8-definition,true,")),
                csv.out());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("model-law-8,edition.json,") && r.contains(",global-results,8,true,2026-12-02,citation,")),
                csv.out());
        // a pack that defines several editions lists each edition's sources (editions/N.json)
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("model-law-1-7,editions/6.json,") && r.contains(",edition,6,")),
                csv.out());
        // no source of any shipped pack refers to a file of ours
        assertTrue(rows.stream().skip(1).noneMatch(r -> r.contains(",file,") || r.contains("shared/reference")
                || r.contains("seed 0")), csv.out());
        Cli again = Cli.run("sources", "--format", "csv");
        assertEquals(csv.out(), again.out(), "the listing is deterministic");
    }

    @Test
    void aPackDirectoryIsListedWithoutInstallingItEvenWithErrors(@TempDir Path tmp) {
        Path pack = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean"));
        TestPacks.replace(pack.resolve("jurisdictions/VN.json"),
                "\"source\": \"Thu Vien Phap Luat,", "\"source\": \"/work/shared/reference/research-notes.md; Thu Vien Phap Luat,");
        Cli text = Cli.run("sources", "--packs", pack.toString());
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().startsWith("asean: "), text.out());
        assertTrue(text.out().contains("instrument VN-PC-2015  verified  retrieved 2026-12-02  FILE (error)"), text.out());
        assertTrue(text.out().contains("pointing into a file system"), text.out());

        Cli validated = Cli.run("pack", "validate", pack.toString());
        assertEquals(5, validated.exit(), validated.toString());
        assertTrue(validated.out().contains(pack.resolve("jurisdictions/VN.json") + ":11:17: the source of instrument VN-PC-2015"
                + " points into a file system (\"/work/shared/reference/research-notes.md\")"), validated.out());
    }

    @Test
    void aSourceThatIsNeitherAUrlNorACitationIsAWarningAndThePackStillLoads(@TempDir Path tmp) {
        Path pack = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean"));
        TestPacks.replace(pack.resolve("jurisdictions/MY.json"), "\"source\": \"Arrangement of sections: Laws of Malaysia, Act 792"
                + " (Percetakan Nasional Malaysia Berhad print: Royal Assent 3 Jul 2017, published in the Gazette 7 Jul 2017),"
                + " https://de.scribd.com/document/405338651/Simply\"", "\"source\": \"Arrangement of sections\"");
        Cli validated = Cli.run("pack", "validate", pack.toString());
        assertEquals(0, validated.exit(), validated.toString());
        assertTrue(validated.out().contains(": warning: the source of provision MY-ACT792-s5 is neither a URL nor a formal citation"),
                validated.out());
        Cli csv = Cli.run("sources", "--packs", pack.toString(), "--format", "csv");
        assertTrue(csv.out().contains(",provision,MY-ACT792-s5,true,2026-12-02,informal,Arrangement of sections,"), csv.out());
        assertFalse(csv.out().substring(csv.out().indexOf("\r\n")).contains(",file,"), "a warning is not an error: " + csv.out());
    }
}
