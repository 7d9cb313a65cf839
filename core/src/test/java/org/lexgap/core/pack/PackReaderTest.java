package org.lexgap.core.pack;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.lexgap.api.model.PackProblem;
import org.lexgap.core.Packs;

class PackReaderTest {
    static final Map<String, Set<String>> EDITION_8 = Map.of("8", Set.of("specific_legislation", "definition",
            "computer_facilitated", "simple_possession", "isp_reporting", "data_retention"));
    static final String DESCRIPTOR = "{\"id\": \"tt\", \"version\": \"1.0.0\", \"title\": \"t\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}";

    static List<PackProblem> problems(String jurisdiction) {
        Map<String, String> files = new HashMap<>();
        files.put("pack.json", DESCRIPTOR);
        files.put("jurisdictions/ZZ.json", jurisdiction);
        PackReader.Result result = PackReader.read(Packs.of("t", files), EDITION_8);
        assertNull(result.content(), "expected errors");
        return result.problems();
    }

    static void expect(List<PackProblem> problems, String file, int line, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(file) && p.line() == line && p.message().contains(fragment)),
                "expected " + file + ":" + line + " \"" + fragment + "\" in " + problems.stream().map(PackProblem::format).toList());
    }

    static String instrument(String extra, String provisions) {
        return "{\n  \"code\": \"ZZ\",\n  \"name\": \"Test\",\n  \"instruments\": [\n    {\n      \"id\": \"A\",\n      \"title\": \"Act\",\n"
                + "      \"citation\": \"Act 1\",\n      \"source\": \"s\",\n      \"verified\": true," + extra + "\n      \"provisions\": [" + provisions + "]\n    }\n  ]\n}\n";
    }

    @Test
    void malformedJsonIsLocated() {
        expect(problems("{\n  \"code\": \"ZZ\",\n  \"name\": \n}"), "jurisdictions/ZZ.json", 4, "malformed JSON");
    }

    @Test
    void schemaViolationsAreLocatedByPointerAndLine() {
        List<PackProblem> problems = problems(instrument("", "\n        {\"id\": \"A-1\", \"section\": \"s. 1\", \"summary\": \"x\",\n         \"elements\": [{\"type\": \"offense\"}]}"));
        expect(problems, "jurisdictions/ZZ.json", 13, "does not match the schema");
    }

    @Test
    void repealBeforeInForceIsAnError() {
        expect(problems(instrument("\n      \"inForce\": \"2010-01-01\",\n      \"repealed\": \"2009-01-01\",", "")),
                "jurisdictions/ZZ.json", 12, "repealed (2009-01-01) is before inForce (2010-01-01)");
    }

    @Test
    void aProvisionCitingAMissingInstrumentIsAnError() {
        expect(problems(instrument("\n      \"inForce\": \"2010-01-01\",", "\n        {\"id\": \"A-1\", \"section\": \"s. 1\", \"insertedBy\": \"NOPE\", \"summary\": \"x\", \"elements\": []}")),
                "jurisdictions/ZZ.json", 13, "cites instrument \"NOPE\", which this file does not define");
    }

    @Test
    void duplicateIdsAndDanglingCriteriaAreErrors() {
        String json = "{\n  \"code\": \"ZZ\",\n  \"name\": \"Test\",\n  \"instruments\": [],\n  \"interpretations\": [\n"
                + "    {\"id\": \"i\", \"criterion\": \"posession\", \"status\": \"MET\", \"reason\": \"r\", \"source\": \"s\", \"verified\": true},\n"
                + "    {\"id\": \"i\", \"criterion\": \"definition\", \"status\": \"MET\", \"reason\": \"r\", \"source\": \"s\", \"verified\": true}\n  ]\n}\n";
        List<PackProblem> problems = problems(json);
        expect(problems, "jurisdictions/ZZ.json", 6, "unknown criterion id \"posession\"");
        expect(problems, "jurisdictions/ZZ.json", 7, "duplicate id \"i\"");
    }

    @Test
    void elementAttributesMustApplyToTheirType() {
        expect(problems(instrument("\n      \"inForce\": \"2010-01-01\",", "\n        {\"id\": \"A-1\", \"section\": \"s. 1\", \"summary\": \"x\",\n         \"elements\": [{\"type\": \"child-definition\", \"ageLimit\": 18, \"bearer\": \"isp\"}]}")),
                "jurisdictions/ZZ.json", 14, "\"bearer\" does not apply to a child-definition element");
    }

    /** Jurisdiction files are checked one by one as they are read; what spans files is still found. */
    @Test
    void checksThatSpanFilesSurviveReadingOneJurisdictionAtATime() {
        Map<String, String> files = new HashMap<>();
        files.put("pack.json", DESCRIPTOR);
        String instrument = "{\n  \"code\": \"%s\",\n  \"name\": \"T\",\n  \"instruments\": [\n    {\"id\": \"SAME\", \"title\": \"t\", \"citation\": \"c\", \"source\": \"s\", \"verified\": true, \"provisions\": []}\n  ]\n}\n";
        files.put("jurisdictions/XA.json", instrument.formatted("XA"));
        files.put("jurisdictions/XB.json", instrument.formatted("XB"));
        String cases = "{\"cases\": [\n  {\"name\": \"n\", \"jurisdiction\": \"%s\", \"edition\": \"8\", \"asOf\": \"2016-01-01\", \"expect\": {\"definition\": \"MET\"}}\n]}\n";
        files.put("tests/a.json", cases.formatted("XA"));
        files.put("tests/b.json", cases.formatted("XC"));
        PackReader.Result result = PackReader.read(Packs.of("t", files), EDITION_8);
        expect(result.problems(), "jurisdictions/XB.json", 5, "duplicate id \"SAME\": already used in jurisdictions/XA.json");
        expect(result.problems(), "tests/b.json", 2, "jurisdiction XC is not defined by this pack");
        assertTrue(result.problems().stream().noneMatch(p -> p.file().equals("tests/a.json")), result.problems().toString());
    }
}
