package org.lexgap.core.amend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Basis;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackRef;
import org.lexgap.api.model.Status;
import org.lexgap.core.Packs;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.registry.PackLoader;
import org.lexgap.core.registry.PackRegistryImpl;

/** What-if amendments over the shipped packs: read, checked with located errors, applied, compared. */
class AmendmentsTest {
    static Engine engine;
    static PackRegistryImpl registry;

    @BeforeAll
    static void load() {
        engine = new Engine("test");
        registry = Packs.all(engine);
    }

    static AmendmentFile file(String name, String json) {
        return new AmendmentFile("what-if/" + name, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An amendment of {@code code} with the given changes (JSON array elements). */
    static String amendment(String code, String changes) {
        return "{\n  \"title\": \"Test amendment\",\n  \"jurisdiction\": \"" + code + "\",\n  \"note\": \"For tests.\",\n"
                + "  \"changes\": [\n" + changes + "\n  ]\n}\n";
    }

    static final String POSSESSION = """
                {
                  "id": "possession",
                  "kind": "add-instrument",
                  "title": "A possession offence",
                  "note": "Hypothetical.",
                  "from": "2016-01-01",
                  "instrument": {
                    "id": "MY-HYP",
                    "title": "Possession Bill (hypothetical)",
                    "citation": "Bill (hypothetical)",
                    "provisions": [
                      {"id": "MY-HYP-s1", "section": "s. 1", "summary": "Possession is an offence.",
                       "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "any"}]}
                    ]
                  }
                }""";

    /** The same hypothetical offence, for Singapore. */
    static final String SG_POSSESSION = POSSESSION.replace("MY-HYP", "SG-HYP");

    static GapAnalysis assess(String code, String edition, String asOf, AmendmentFile... files) {
        return engine.assess(new AssessmentRequest(List.of(code), null, edition, LocalDate.parse(asOf), List.of(files)),
                registry.catalog());
    }

    static Assessment criterion(GapAnalysis analysis, String id) {
        return analysis.jurisdictions().get(0).criteria().stream().filter(a -> a.criterion().equals(id)).findFirst()
                .orElseThrow();
    }

    static List<PackProblem> problems(AmendmentFile... files) {
        AmendmentReader.Result read = Engine.readAmendments(List.of(files), registry.catalog());
        assertNull(read.amendments(), "expected errors");
        return read.problems();
    }

    static void expect(List<PackProblem> problems, String file, int line, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(file) && p.line() == line && p.column() > 0
                        && p.severity() == PackProblem.Severity.ERROR && p.message().contains(fragment)),
                "expected " + file + ":" + line + " \"" + fragment + "\" in "
                        + problems.stream().map(PackProblem::format).toList());
    }

    @Test
    void addingAPossessionOffenceMeetsCriterion4AsHypotheticalAndNamesTheChange() {
        List<PackRef> before = registry.catalog().packs().stream().map(p -> p.ref()).toList();
        int provisions = registry.catalog().jurisdiction("MY").orElseThrow().data().provisions().size();
        int bases = engine.cachedRuleBases();
        assess("MY", "8", "2016-01-01");
        int warm = engine.cachedRuleBases();

        GapAnalysis amended = assess("MY", "8", "2016-01-01", file("my.json", amendment("MY", POSSESSION)));

        Assessment possession = criterion(amended, "simple_possession");
        assertEquals(Status.MET, possession.status());
        assertEquals(Status.NOT_MET, possession.whatIf().baseline());
        assertTrue(possession.changedByAmendment());
        assertEquals("my.json#possession", possession.whatIf().changes().get(0).ref());
        assertEquals("MY-HYP-s1", possession.evidence().get(0).provision());
        assertEquals("my.json", possession.evidence().get(0).hypothetical().file());
        assertTrue(possession.evidence().get(0).source().startsWith("Hypothetical, not law"));
        assertTrue(amended.hypothetical());
        assertEquals("my.json", amended.provenance().amendments().get(0).file());
        assertEquals(64, amended.provenance().amendments().get(0).sha256().length());
        // Verdicts the amendment leaves alone still carry the comparison, unchanged.
        Assessment isp = criterion(amended, "isp_reporting");
        assertEquals(Status.NOT_MET, isp.whatIf().baseline());
        assertFalse(isp.changedByAmendment());
        assertEquals(List.of(), isp.whatIf().changes());

        assertEquals(before, registry.catalog().packs().stream().map(p -> p.ref()).toList(), "packs changed");
        assertEquals(provisions, registry.catalog().jurisdiction("MY").orElseThrow().data().provisions().size());
        assertEquals(warm, engine.cachedRuleBases(), "an amendment must not compile rules");
        assertTrue(warm <= bases + 1);
        assertFalse(assess("MY", "8", "2016-01-01").hypothetical());
        assertEquals(Status.NOT_MET, criterion(assess("MY", "8", "2016-01-01"), "simple_possession").status());
    }

    @Test
    void anInterpretationStandsWhenTheAmendedRulesAgreeWithIt() {
        // Singapore's specific legislation at the cut-off is the Global Review's finding on law the pack does not record.
        GapAnalysis amended = assess("SG", "8", "2016-01-01", file("my.json", amendment("SG", SG_POSSESSION)));
        Assessment specific = criterion(amended, "specific_legislation");
        assertEquals(Basis.INTERPRETATION, specific.basis());
        assertEquals(Status.MET, specific.status());
        assertFalse(specific.changedByAmendment());
        assertEquals("my.json#possession", specific.whatIf().changes().get(0).ref(), "its evidence is hypothetical");
    }

    @Test
    void repealingAndAmendingRecordedProvisionsTakeEffectFromTheirDates() {
        String repeal = """
                {"id": "repeal-s10", "kind": "repeal", "title": "Repeal s. 10", "note": "Hypothetical.",
                 "from": "2018-01-01", "target": "MY-ACT792-s10"}""";
        assertEquals(Status.MET, criterion(assess("MY", "8", "2017-08-01", file("r.json", amendment("MY", repeal))),
                "simple_possession").status());
        Assessment after = criterion(assess("MY", "8", "2019-01-01", file("r.json", amendment("MY", repeal))),
                "simple_possession");
        assertEquals(Status.NOT_MET, after.status());
        assertEquals(Status.MET, after.whatIf().baseline());
        assertEquals("r.json#repeal-s10", after.whatIf().changes().get(0).ref());

        String amend = """
                {"id": "intent", "kind": "amend", "title": "Possession only with intent to distribute", "note": "Hypothetical.",
                 "from": "2018-01-01", "target": "MY-ACT792-s10", "summary": "Possession with intent to distribute is an offence.",
                 "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "distribution", "medium": "any"}]}""";
        Assessment amended = criterion(assess("MY", "8", "2019-01-01", file("a.json", amendment("MY", amend))),
                "simple_possession");
        assertEquals(Status.NOT_MET, amended.status());
        assertEquals("a.json#intent", amended.whatIf().changes().get(0).ref());
        assertEquals(Status.MET, criterion(assess("MY", "8", "2017-08-01", file("a.json", amendment("MY", amend))),
                "simple_possession").status(), "before its date the recorded text applies");
    }

    @Test
    void aHypotheticalProvisionMeetsACriterionThePackHasNotResearched() {
        String add = """
                {"id": "possession", "kind": "add-provision", "title": "Possession", "note": "Hypothetical.",
                 "from": "2016-01-01", "to": "AU-CC", "provision": {"id": "AU-HYP-1", "section": "s. 474.99",
                 "summary": "Possession is an offence.",
                 "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "computer"}]}}""";
        String instrument = registry.catalog().jurisdiction("AU").orElseThrow().data().provisions().stream()
                .filter(p -> p.id().equals("AU-CC-s474-19")).findFirst().orElseThrow().instrument();
        Assessment possession = criterion(assess("AU", "8", "2016-01-01",
                file("au.json", amendment("AU", add.replace("AU-CC", instrument)))), "simple_possession");
        assertEquals(Status.UNKNOWN, possession.whatIf().baseline());
        assertEquals(Status.MET, possession.status());
        assertEquals("AU-HYP-1", possession.evidence().get(0).provision());
    }

    @Test
    void underThe9thEditionAnAmendmentResolvesWhatWasUnknown() {
        Assessment specific = criterion(assess("SG", "9", "2016-01-01", file("my.json", amendment("SG", SG_POSSESSION))),
                "specific_legislation");
        assertEquals(Status.UNKNOWN, specific.whatIf().baseline());
        assertEquals(Status.MET, specific.status());
    }

    @Test
    void malformedJsonIsRefusedWithItsLineAndColumn() {
        expect(problems(file("bad.json", "{\n  \"title\": \"x\",\n  \"jurisdiction\": \n}\n")), "what-if/bad.json", 4,
                "malformed JSON");
    }

    @Test
    void schemaViolationsAreLocated() {
        List<PackProblem> problems = problems(file("s.json", amendment("MY", """
                    {"id": "x", "kind": "add-instrument", "title": "t", "note": "n",
                     "from": "2016-01-01"}""")));
        expect(problems, "what-if/s.json", 6, "instrument");
        List<PackProblem> element = problems(file("e.json", amendment("MY", POSSESSION.replace("\"possess\"", "\"posess\""))));
        expect(element, "what-if/e.json", 18, "does not match the schema");
    }

    @Test
    void unknownJurisdictionIdsAndOutOfOrderDatesAreLocatedErrors() {
        expect(problems(file("j.json", amendment("XX", POSSESSION))), "what-if/j.json", 3, "unknown jurisdiction \"XX\"");
        expect(problems(file("t.json", amendment("MY", """
                    {"id": "r", "kind": "repeal", "title": "t", "note": "n", "from": "2018-01-01",
                     "target": "MY-NO-SUCH"}"""))), "what-if/t.json", 7, "unknown instrument or provision id \"MY-NO-SUCH\"");
        expect(problems(file("d.json", amendment("MY", """
                    {"id": "r", "kind": "repeal", "title": "t", "note": "n", "from": "2017-01-01",
                     "target": "MY-ACT792-s10"}"""))), "what-if/d.json", 6, "dates out of order");
        expect(problems(file("p.json", amendment("MY", """
                    {"id": "p", "kind": "add-provision", "title": "t", "note": "n", "from": "2016-01-01", "to": "MY-ACT792",
                     "provision": {"id": "MY-HYP-2", "section": "s. 99", "summary": "x", "elements": []}}"""))),
                "what-if/p.json", 6, "before instrument MY-ACT792 comes into force");
        expect(problems(file("i.json", amendment("MY", POSSESSION.replace("\"MY-HYP\"", "\"MY-ACT792\"")))),
                "what-if/i.json", 13, "already recorded");
        expect(problems(file("a.json", amendment("MY", POSSESSION.replace("\"medium\": \"any\"", "\"medium\": \"any\", \"bearer\": \"isp\"")))),
                "what-if/a.json", 18, "\"bearer\" does not apply to a offence element");
        expect(problems(file("k.json", amendment("MY", """
                    {"id": "r", "kind": "repeal", "title": "t", "note": "n", "from": "2018-01-01",
                     "target": "MY-ACT792-s10", "summary": "x"}"""))), "what-if/k.json", 7,
                "\"summary\" does not apply to a change of kind repeal");
    }

    @Test
    void aLaterFileMayBuildOnAnEarlierOne() {
        String repealHypothetical = """
                {"id": "r", "kind": "repeal", "title": "t", "note": "n", "from": "2017-01-01", "target": "MY-HYP-s1"}""";
        AmendmentReader.Result read = Engine.readAmendments(List.of(file("one.json", amendment("MY", POSSESSION)),
                file("two.json", amendment("MY", repealHypothetical))), registry.catalog());
        assertNotNull(read.amendments(), read.problems().toString());
        GapAnalysis both = assess("MY", "8", "2016-06-01", file("one.json", amendment("MY", POSSESSION)),
                file("two.json", amendment("MY", repealHypothetical)));
        assertEquals(Status.MET, criterion(both, "simple_possession").status());
        GapAnalysis later = assess("MY", "8", "2017-02-01", file("one.json", amendment("MY", POSSESSION)),
                file("two.json", amendment("MY", repealHypothetical)));
        assertEquals(Status.NOT_MET, criterion(later, "simple_possession").status());
        assertEquals(2, later.provenance().amendments().size());
    }

    @Test
    void anAmendmentOfAJurisdictionOutsideTheAssessmentIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> assess("PH", "8", "2016-01-01", file("my.json", amendment("MY", POSSESSION))));
        assertTrue(e.getMessage().contains("amends MY"), e.getMessage());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> assess("MY", "8", "2016-01-01", file("bad.json", "{")));
        assertTrue(invalid.getMessage().startsWith("invalid amendment: what-if/bad.json:1:"), invalid.getMessage());
    }

    @Test
    void whenAnAmendmentMovesTheRulesAwayFromARecordedJudgmentTheRulesDecide() {
        // A jurisdiction whose interpretation agrees with its rules: repealing the provision moves the rules away.
        Map<String, String> files = Map.of(
                "pack.json", "{\"id\": \"zz\", \"version\": \"1.0.0\", \"title\": \"t\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}",
                "jurisdictions/ZZ.json", """
                        {"code": "ZZ", "name": "Testland", "instruments": [{"id": "ZZ-A", "title": "Act", "citation": "Act 1",
                          "inForce": "2000-01-01", "source": "s", "verified": true, "provisions": [
                          {"id": "ZZ-A-s1", "section": "s. 1", "summary": "Possession is an offence.",
                           "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "any"}]}]}],
                         "interpretations": [{"id": "ZZ-judged", "criterion": "simple_possession", "status": "MET",
                          "reason": "A court held so.", "source": "s", "verified": true}]}""");
        Engine own = new Engine("t");
        PackRegistryImpl zz = Packs.registry(own);
        PackLoader.Attempt attempt = zz.load(9, "zz", Packs.of("zz", files));
        assertTrue(attempt.ok(), attempt.problems().toString());
        String repeal = """
                {"id": "r", "kind": "repeal", "title": "Repeal s. 1", "note": "n", "from": "2010-01-01", "target": "ZZ-A-s1"}""";
        GapAnalysis analysis = own.assess(new AssessmentRequest(List.of("ZZ"), null, "8", LocalDate.of(2011, 1, 1),
                List.of(file("zz.json", amendment("ZZ", repeal)))), zz.catalog());
        JurisdictionResult result = analysis.jurisdictions().get(0);
        Assessment possession = result.criteria().stream().filter(a -> a.criterion().equals("simple_possession"))
                .findFirst().orElseThrow();
        assertEquals(Status.NOT_MET, possession.status());
        assertEquals(Basis.RULES, possession.basis());
        assertEquals(Basis.INTERPRETATION, possession.whatIf().baselineBasis());
        assertTrue(possession.reason().contains("ZZ-judged"), possession.reason());
        assertEquals("zz.json#r", possession.whatIf().changes().get(0).ref());
    }
}
