package org.lexgap.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceFormTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // addresses a reader can open
        "https://sso.agc.gov.sg/Acts-Supp/10-1998/Published/19980327|URL",
        "Text of the Act: http://thailawforum.com/?p=7961 ; s. 26: https://en.wikisource.org/wiki/x|URL",
        // a URL that ends in .txt, or contains /shared/, is still a URL
        "http://documents.worldbank.org/curated/en/652251468206670506/text/94492.txt|URL",
        "https://example.org/shared/reference/notes.md|URL",
        // formal citations
        "ICMEC, Child Pornography: Model Legislation & Global Review, 8th ed. (2016), ASEAN country-specific findings|CITATION",
        "Republic Act No. 9775 (2009), s. 4(l)|CITATION",
        // neither
        "Background knowledge of the text|INFORMAL",
        "Arrangement of sections|INFORMAL",
        "Criminal Code (Thailand)|INFORMAL",
        // files of ours, wherever they appear
        "shared/reference/research-notes.md|FILE",
        "Approval date: research notes (shared/reference/research-notes.md); https://jur.ph/law|FILE",
        "ICMEC 8th edition (seed 002_7d40a5fa4a6dc98a.txt)|FILE",
        "slides, 002_7d40a5fa4a6dc98a.txt|FILE",
        "/work/shared/reference/asean-8th-edition.csv|FILE",
        "~/notes/leads.txt|FILE",
        "file:///home/analyst/act.pdf|FILE",
        "../reference/asean.csv|FILE",
        "Lapsed into law 30 Jul 2022: research notes|FILE",
        "see docs/pack-format.md|FILE",
        "tests/PH.json (2019)|FILE",
        // slashes inside citations are not paths
        "Royal Kram NS/RKM/0208/005 (2008), Art. 40|CITATION",
        "Law No. 61/NA of 15 July 2015, Art. 14|CITATION",
    })
    void readsEachSourceAsAnalystsWouldExpect(String source, SourceForm.Form expected) {
        assertEquals(expected, SourceForm.of(source).form(), source);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "research notes (shared/reference/research-notes.md)|shared/reference/research-notes.md",
        "ICMEC (seed 002_7d40a5fa4a6dc98a.txt; x)|seed 002_7d40a5fa4a6dc98a.txt",
    })
    void namesTheOffendingText(String source, String offending) {
        assertEquals(offending, SourceForm.of(source).offending());
    }
}
