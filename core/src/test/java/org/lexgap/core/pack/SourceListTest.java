package org.lexgap.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.lexgap.api.model.SourceEntry;
import org.lexgap.core.Packs;
import org.lexgap.core.render.SourceListing;

class SourceListTest {
    static final String JURISDICTION = """
            {
              "code": "ZZ",
              "name": "Test",
              "instruments": [
                {
                  "id": "CODE",
                  "title": "Code",
                  "citation": "Code 1",
                  "source": "https://example.org/code",
                  "verified": true,
                  "provisions": [
                    {"id": "CODE-s9", "section": "s. 9", "insertedBy": "AMD", "summary": "x",
                     "source": "Gazette, \\"No. 1\\", 2010, p. 4\\nsecond line", "elements": []}
                  ]
                },
                {
                  "id": "AMD",
                  "title": "Amendment",
                  "citation": "Act 2 of 2010",
                  "inForce": "2010-01-01",
                  "source": "shared/reference/research-notes.md",
                  "retrieved": "2026-12-02",
                  "verified": false,
                  "note": "n",
                  "provisions": []
                }
              ]
            }
            """;

    static List<SourceEntry> entries() {
        return SourceList.of(Packs.of("dir", Map.of(
                "pack.json", "{\"id\": \"zz\", \"version\": \"1.0.0\", \"title\": \"t\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"],"
                        + " \"regions\": [{\"id\": \"R\", \"name\": \"n\", \"members\": [\"ZZ\"], \"source\": \"ICMEC, Review, 8th ed. (2016)\"}]}",
                "jurisdictions/ZZ.json", JURISDICTION,
                "jurisdictions/BROKEN.json", "{ not json",
                "README.md", "shared/reference/x.md")));
    }

    @Test
    void everySourceIsListedWithItsItemLineFlagAndDate() {
        List<SourceEntry> e = entries();
        assertEquals(4, e.size(), e.toString());
        SourceEntry provision = e.stream().filter(x -> x.item().equals("CODE-s9")).findFirst().orElseThrow();
        assertEquals("zz", provision.pack());
        assertEquals("provision", provision.kind());
        assertEquals(13, provision.line());
        assertEquals(Boolean.FALSE, provision.verified(), "a provision inherits the flag of the Act that inserted it");
        assertEquals("citation", provision.form());
        SourceEntry amendment = e.stream().filter(x -> x.item().equals("AMD")).findFirst().orElseThrow();
        assertEquals("file", amendment.form());
        assertEquals(LocalDate.of(2026, 12, 2), amendment.retrieved());
        SourceEntry region = e.get(e.size() - 1);
        assertEquals("pack.json", region.file());
        assertEquals(null, region.verified());
    }

    @Test
    void theOrderIsByPackFileAndLine() {
        List<SourceEntry> e = entries();
        assertEquals(List.of("jurisdictions/ZZ.json:9", "jurisdictions/ZZ.json:13", "jurisdictions/ZZ.json:21", "pack.json:1"),
                e.stream().map(x -> x.file() + ":" + x.line()).toList());
    }

    @Test
    void csvFollowsRfc4180() {
        String csv = SourceListing.csv(entries());
        assertTrue(csv.startsWith(SourceListing.CSV_HEADER + "\r\n"), csv);
        assertTrue(csv.contains(",provision,CODE-s9,false,,citation,\"Gazette, \"\"No. 1\"\", 2010, p. 4\nsecond line\",/instruments/0/provisions/0/source\r\n"), csv);
        assertEquals(5, csv.split("\r\n").length, "a header and one record per source; the newline is inside quotes");
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void textGroupsByPackAndCountsWhatNeedsAttention() {
        String text = SourceListing.text(entries());
        assertTrue(text.startsWith("zz: 4 sources (1 url, 2 citation, 0 informal, 1 file)\n"), text);
        assertTrue(text.contains("jurisdictions/ZZ.json:21  instrument AMD  UNVERIFIED  retrieved 2026-12-02  FILE (error)"), text);
        assertTrue(text.contains("4 sources in 1 pack(s); 2 on unverified items; 3 without a retrieval date; 0 informal; 1 pointing into a file system"), text);
    }
}
