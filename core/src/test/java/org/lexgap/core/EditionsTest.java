package org.lexgap.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.Status;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.engine.PackTests;
import org.lexgap.core.pack.PackReader;
import org.lexgap.core.registry.PackLoader;
import org.lexgap.core.registry.PackRegistryImpl;

/** Model-law editions as packs: one pack may define several; every jurisdiction can be assessed against each. */
class EditionsTest {
    static Engine engine;
    static PackRegistryImpl registry;

    @BeforeAll
    static void load() {
        engine = new Engine("test");
        registry = Packs.all(engine);
    }

    @Test
    void editionsOneToNineServeWithFiveCriteriaEachExceptTheEighth() {
        List<ModelLawEdition> editions = registry.editions();
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"),
                editions.stream().map(ModelLawEdition::edition).toList());
        for (ModelLawEdition e : editions) {
            assertEquals(e.edition().equals("8") ? 6 : 5, e.criteria().size(), e.edition());
            assertEquals(e.edition(), e.criteria().get(0).edition());
            if (e.edition().equals("8")) {
                continue; // model-law-8's sources are being reworked separately
            }
            assertFalse(e.source().contains("research-notes") || e.source().contains("seed"), e.source());
            for (Criterion c : e.criteria()) {
                assertFalse(c.recommendationSource().contains("research-notes") || c.recommendationSource().contains("seed"));
                assertTrue(c.recommendationSource().contains("http"), c.id() + " of " + e.edition());
            }
        }
        assertTrue(registry.editions().get(5).criteria().get(3).question().contains("the knowing possession"));
        assertFalse(registry.editions().get(4).criteria().get(3).question().contains("knowing"));
        assertTrue(registry.editions().get(8).criteria().get(2).question().contains("technology-facilitated"));
        assertTrue(editions.stream().filter(e -> List.of("2", "3", "4").contains(e.edition()))
                .allMatch(e -> e.published() == null && e.note() != null), "unverified dates are marked");
    }

    @Test
    void theEditionPacksOwnFixturesRunAgainstTheShippedJurisdictionsAndPass() {
        int cases = 0;
        for (String id : List.of("model-law-9", "model-law-1-7")) {
            LoadedPack pack = registry.catalog().packs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
            for (PackTests.CaseResult r : PackTests.run(pack, registry.catalog(), engine)) {
                assertNull(r.skipped(), r.testCase().name());
                assertTrue(r.passed(), r.testCase().name() + ": " + r.failures());
                cases++;
            }
        }
        assertTrue(cases >= 20, "ran " + cases);
    }

    @Test
    void theSevenEarlyEditionsShareOneCompiledRuleBase() {
        assess("PH", "1", "2013-01-01");
        int bases = engine.cachedRuleBases();
        for (String edition : List.of("2", "3", "4", "5", "6", "7")) {
            GapAnalysis a = assess("PH", edition, "2013-01-01");
            assertEquals(edition, a.edition().edition());
            assertEquals(5, a.jurisdictions().get(0).metCount());
        }
        assertEquals(bases, engine.cachedRuleBases());
    }

    @Test
    void theSixthEditionAsksForKnowingPossessionAndSaysSo() {
        String fifth = assess("PH", "5", "2013-01-01").jurisdictions().get(0).criteria().get(3).rule();
        String sixth = assess("PH", "6", "2013-01-01").jurisdictions().get(0).criteria().get(3).rule();
        assertTrue(fifth.contains("1st-5th"), fifth);
        assertTrue(sixth.contains("Knowing possession (6th-7th"), sixth);
    }

    @Test
    void whereTheRecordedElementsLeaveACriterionOpenTheVerdictIsUnknownWithTheReason() {
        // Vietnam's Criminal Code 2015 Art. 147 is recorded with its acts and medium unspecified.
        var vn = assess("VN", "9", "2021-01-01").jurisdictions().get(0).criteria().get(2);
        assertEquals(Status.UNKNOWN, vn.status());
        assertTrue(vn.reason().contains("not recorded"), vn.reason());
        assertFalse(vn.evidence().isEmpty());
        var sg = assess("SG", "9", "2016-01-01").jurisdictions().get(0).criteria().get(0);
        assertEquals(Status.UNKNOWN, sg.status());
        assertTrue(sg.reason().contains("SG-gr8-specific_legislation") && sg.reason().contains("edition 9"), sg.reason());
        // The 8th edition still reproduces the Global Review's table.
        assertEquals(Status.MET, assess("SG", "8", "2016-01-01").jurisdictions().get(0).criteria().get(0).status());
    }

    static GapAnalysis assess(String code, String edition, String asOf) {
        return engine.assess(new AssessmentRequest(List.of(code), null, edition, LocalDate.parse(asOf)),
                registry.catalog());
    }

    static final String CRITERIA = "\"criteria\": [{\"id\": \"a_b\", \"number\": 1, \"question\": \"q\", "
            + "\"recommendation\": \"r\", \"recommendationSource\": \"s\"}]";

    static Map<String, String> modelLaw(String editions) {
        Map<String, String> files = new HashMap<>();
        files.put("pack.json", "{\"id\": \"ml\", \"version\": \"1.0.0\", \"title\": \"t\", \"kind\": \"model-law\", "
                + "\"editions\": " + editions + "}");
        return files;
    }

    static String edition(String n) {
        return "{\n  \"edition\": \"" + n + "\",\n  \"title\": \"t\",\n  \"source\": \"s\",\n  " + CRITERIA + "\n}\n";
    }

    static List<PackProblem> problems(Map<String, String> files) {
        PackReader.Result result = PackReader.read(Packs.of("ml", files), Map.of());
        assertNull(result.content(), "expected errors");
        return result.problems();
    }

    @Test
    void aPackDefiningSeveralEditionsIsCheckedFileByFile() {
        Map<String, String> ok = modelLaw("[\"21\", \"22\"]");
        ok.put("editions/21.json", edition("21"));
        ok.put("editions/22.json", edition("22"));
        PackReader.Result read = PackReader.read(Packs.of("ml", ok), Map.<String, Set<String>>of());
        assertEquals(List.of("21", "22"), read.content().editions().stream().map(ModelLawEdition::edition).toList(),
                read.problems().toString());

        Map<String, String> misnamed = modelLaw("[\"21\"]");
        misnamed.put("editions/21.json", edition("23"));
        assertTrue(problems(misnamed).stream().anyMatch(p -> p.file().equals("editions/21.json") && p.line() == 2
                && p.message().contains("expected editions/23.json")), problems(misnamed).toString());

        Map<String, String> both = modelLaw("[\"21\"]");
        both.put("edition.json", edition("21"));
        both.put("editions/21.json", edition("21"));
        assertTrue(problems(both).stream().anyMatch(p -> p.message().contains("not both")));

        Map<String, String> unlisted = modelLaw("[\"21\", \"24\"]");
        unlisted.put("editions/21.json", edition("21"));
        assertTrue(problems(unlisted).stream().anyMatch(p -> p.message().contains("lists edition 24")));
    }

    @Test
    void aSecondPackClaimingOneOfTheEarlyEditionsIsRefused() {
        Map<String, String> files = modelLaw("[\"3\"]");
        files.put("edition.json", edition("3"));
        files.put("rules/r.drl", "rule \"r\"\nwhen\n    $j : Jurisdiction()\nthen\nend\n");
        PackLoader.Attempt attempt = registry.load(99, "rival", Packs.of("rival", files));
        try {
            assertTrue(registry.packs().stream().anyMatch(p -> p.bundleId() == 99 && p.state().equals("FAILED")
                    && p.problems().stream().anyMatch(x -> x.message().contains("model-law edition 3"))),
                    registry.packs().toString() + attempt.problems());
            assertEquals("model-law-1-7", registry.catalog().edition("3").orElseThrow().id());
        } finally {
            registry.forget(99);
        }
    }

    static final String OBSCENITY = "\"type\": \"offence\", \"subject\": \"obscene-material\", \"conduct\": \"distribute\", "
            + "\"intent\": \"none\", \"medium\": \"any\"";

    static String generalBan(String element) {
        return """
                {"code": "XA", "name": "Aggravia", "instruments": [{"id": "XA-PC", "title": "Penal Code", "citation": "PC",
                  "inForce": "2000-01-01", "source": "https://example.org/pc", "verified": true, "provisions": [
                  {"id": "XA-PC-s1", "section": "s. 1", "summary": "Distributing obscene material is an offence.",
                   "elements": [{%s}]}]}]}
                """.formatted(element);
    }

    @Test
    void aGeneralBanCountsAsSpecificLegislationInEveryEditionOnlyWhenItIsAggravatedAgainstAChild() {
        Map<String, String> plain = Map.of("pack.json", "{\"id\": \"xa\", \"version\": \"1.0.0\", \"title\": \"t\", "
                + "\"kind\": \"jurisdictions\", \"editions\": [\"8\"]}", "jurisdictions/XA.json", generalBan(OBSCENITY));
        Map<String, String> aggravated = new HashMap<>(plain);
        aggravated.put("jurisdictions/XA.json", generalBan(OBSCENITY + ", \"aggravation\": \"child-victim\""));
        for (Map<String, String> files : List.of(plain, aggravated)) {
            boolean child = files == aggravated;
            PackLoader.Attempt attempt = registry.load(98, "xa", Packs.of("xa", files));
            assertTrue(attempt.ok(), attempt.problems().toString());
            try {
                for (String edition : List.of("1", "6", "7", "8", "9")) {
                    var criteria = assess("XA", edition, "2016-01-01").jurisdictions().get(0).criteria();
                    assertEquals(child ? Status.MET : Status.NOT_MET, criteria.get(0).status(), edition);
                    assertEquals(child, criteria.get(0).rule().contains("more heavily punished when committed against a child"),
                            criteria.get(0).rule());
                    // The aggravation speaks only to criterion 1: it makes no computer or possession offence.
                    assertEquals(Status.NOT_MET, criteria.get(2).status(), edition);
                    assertEquals(Status.NOT_MET, criteria.get(3).status(), edition);
                }
            } finally {
                registry.forget(98);
            }
        }
        Map<String, String> onADuty = new HashMap<>(plain);
        onADuty.put("jurisdictions/XA.json", generalBan(
                "\"type\": \"duty\", \"bearer\": \"isp\", \"action\": \"report\", \"aggravation\": \"child-victim\""));
        PackReader.Result duty = PackReader.read(Packs.of("xa", onADuty), Map.of());
        assertTrue(duty.problems().stream().anyMatch(x -> x.message().contains("\"aggravation\" does not apply to a duty")),
                duty.problems().toString());
        Map<String, String> unknownValue = new HashMap<>(plain);
        unknownValue.put("jurisdictions/XA.json", generalBan(OBSCENITY + ", \"aggravation\": \"adult-victim\""));
        assertNull(PackReader.read(Packs.of("xa", unknownValue), Map.of()).content(), "a value outside the vocabulary is refused");
    }
}
