package org.lexgap.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.lexgap.api.model.PackProblem;
import org.lexgap.core.Packs;

/** pack validate's source check: file-system references are errors, informal sources warnings, with file:line. */
class SourceCheckTest {
    static final String DESCRIPTOR = """
            {"id": "tt", "version": "1.0.0", "title": "t", "kind": "jurisdictions", "editions": ["8"],
             "regions": [{"id": "R", "name": "Region", "members": ["ZZ"],
                          "source": "ICMEC 8th ed. (seed 002_7d40a5fa4a6dc98a.txt)"}]}
            """;

    static String jurisdiction(String instrumentSource, String provisionSource, String interpretationSource) {
        return """
                {
                  "code": "ZZ",
                  "name": "Test",
                  "instruments": [
                    {
                      "id": "A",
                      "title": "Act",
                      "citation": "Act 1",
                      "inForce": "2000-01-01",
                      "source": "%s",
                      "verified": true,
                      "provisions": [
                        {
                          "id": "A-s1",
                          "section": "s. 1",
                          "summary": "x",
                          "source": "%s",
                          "elements": []
                        }
                      ]
                    }
                  ],
                  "interpretations": [
                    {"id": "I", "criterion": "definition", "status": "MET", "reason": "r",
                     "source": "%s", "verified": true}
                  ]
                }
                """.formatted(instrumentSource, provisionSource, interpretationSource);
    }

    static PackReader.Result read(String descriptor, String jurisdiction) {
        return PackReader.read(Packs.of("t", Map.of("pack.json", descriptor, "jurisdictions/ZZ.json", jurisdiction)),
                PackReaderTest.EDITION_8);
    }

    static PackProblem at(List<PackProblem> problems, String pointer) {
        return problems.stream().filter(p -> pointer.equals(p.pointer())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + pointer + " in "
                        + problems.stream().map(PackProblem::format).toList()));
    }

    @Test
    void aSourcePointingIntoTheFileSystemIsAnErrorAtItsLine() {
        PackReader.Result r = read(DESCRIPTOR, jurisdiction("shared/reference/research-notes.md",
                "https://example.org/act ; ../notes/leads.txt", "/work/shared/reference/asean-8th-edition.csv"));
        assertNull(r.content(), "a pack citing files of ours must be refused");
        PackProblem instrument = at(r.problems(), "/instruments/0/source");
        assertEquals(PackProblem.Severity.ERROR, instrument.severity());
        assertEquals("jurisdictions/ZZ.json", instrument.file());
        assertEquals(10, instrument.line());
        assertTrue(instrument.message().contains("instrument A points into a file system (\"shared/reference/research-notes.md\")"),
                instrument.message());
        PackProblem provision = at(r.problems(), "/instruments/0/provisions/0/source");
        assertEquals(17, provision.line());
        assertTrue(provision.message().contains("\"../notes/leads.txt\""), provision.message());
        assertEquals(PackProblem.Severity.ERROR, at(r.problems(), "/interpretations/0/source").severity());
        PackProblem region = at(r.problems(), "/regions/0/source");
        assertEquals("pack.json", region.file());
        assertEquals(3, region.line());
        assertTrue(region.format().startsWith("pack.json:3:"), region.format());
    }

    @Test
    void aSourceThatIsNeitherAUrlNorAFormalCitationIsOnlyAWarning() {
        PackReader.Result r = read(DESCRIPTOR.replace("ICMEC 8th ed. (seed 002_7d40a5fa4a6dc98a.txt)",
                        "ICMEC, Child Pornography: Model Legislation & Global Review, 8th ed. (2016), ASEAN table"),
                jurisdiction("Background knowledge", "https://example.org/act", "Republic Act No. 9775 (2009), s. 4(l)"));
        assertNotNull(r.content(), r.problems().toString());
        PackProblem informal = at(r.problems(), "/instruments/0/source");
        assertEquals(PackProblem.Severity.WARNING, informal.severity());
        assertTrue(informal.format().startsWith("jurisdictions/ZZ.json:10:"), informal.format());
        assertTrue(r.problems().stream().noneMatch(p -> p.pointer() != null && p.pointer().startsWith("/interpretations")),
                "a formal citation needs no warning: " + r.problems());
    }

    @Test
    void theEditionsSourcesAreCheckedToo() {
        String edition = """
                {"edition": "9", "title": "T", "published": "2018", "cutoff": "2018-06",
                 "source": "notes/edition-9.md",
                 "criteria": [{"id": "x", "number": 1, "question": "q?", "recommendation": "r",
                               "recommendationSource": "https://example.org/model-law"}]}
                """;
        String descriptor = "{\"id\": \"ml\", \"version\": \"1.0.0\", \"title\": \"t\", \"kind\": \"model-law\", \"editions\": [\"9\"]}";
        PackReader.Result r = PackReader.read(Packs.of("m", Map.of("pack.json", descriptor, "edition.json", edition)), Map.of());
        PackProblem p = at(r.problems(), "/source");
        assertEquals("edition.json", p.file());
        assertEquals(PackProblem.Severity.ERROR, p.severity());
    }
}
