package org.lexgap.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.core.Packs;
import org.lexgap.core.pack.PackContent;
import org.lexgap.core.pack.PackReader;
import org.lexgap.core.registry.PackRegistryImpl;
import org.lexgap.core.rules.RuleBudget;
import org.lexgap.core.rules.UncheckedRules;

/**
 * The run-time guards on their own: rules the checks would refuse are compiled without them, as if a hole had let
 * them through, and the budgets and evidence checks must still stop them and name the rule.
 */
class RuleRunTest {
    static final String ZZ = """
            {"code": "ZZ", "name": "Test-only", "instruments": [{"id": "ZZ-CODE", "title": "Test fixture", "citation": "Code",
              "inForce": "2010-01-01", "source": "test fixture", "verified": false, "note": "test fixture, not law",
              "provisions": [%s]}]}
            """;
    static final String PROVISION = "{\"id\": \"ZZ-CODE-s%d\", \"section\": \"s. %d\", \"summary\": \"test\", \"elements\":"
            + " [{\"type\": \"offence\", \"subject\": \"csam\", \"conduct\": \"possess\", \"intent\": \"none\", \"medium\": \"any\"}]}";
    static final String TESTS = """
            {"cases": [%s]}
            """;
    static final String CASE = "{\"name\": \"case %d\", \"jurisdiction\": \"ZZ\", \"edition\": \"8\", \"asOf\": \"2016-01-01\","
            + " \"expect\": {\"specific_legislation\": \"MET\"}}";

    static final RuleBudget FAST = new RuleBudget(Duration.ofMillis(300), 10_000, 1_000_000);

    record Setup(Engine engine, LoadedPack pack, Catalog catalog) {
        JurisdictionResult assess() {
            return engine.run("ZZ", new AssessmentRequest(List.of("ZZ"), null, "8", LocalDate.of(2016, 1, 1)), catalog)
                    .result();
        }
    }

    /** The shipped packs, and pack zz with {@code provisions} provisions, {@code cases} test cases and {@code drl}. */
    static Setup setup(RuleBudget budget, int provisions, int cases, String drl) {
        // The shipped packs load under the default budget; only the sessions under test get {@code budget}.
        PackRegistryImpl registry = Packs.registry(new Engine("t"));
        Engine engine = new Engine("t", budget);
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= provisions; i++) {
            list.append(i > 1 ? "," : "").append(String.format(PROVISION, i, i));
        }
        StringBuilder tests = new StringBuilder();
        for (int i = 1; i <= cases; i++) {
            tests.append(i > 1 ? "," : "").append(String.format(CASE, i));
        }
        Map<String, String> files = new TreeMap<>(Map.of(
                "pack.json", "{\"id\": \"zz\", \"version\": \"1.0.0\", \"title\": \"t\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}",
                "jurisdictions/ZZ.json", String.format(ZZ, list), "tests/ZZ.json", String.format(TESTS, tests)));
        PackReader.Result read = PackReader.read(Packs.of("zz", files), Map.of("8", Set.of("specific_legislation")));
        PackContent content = read.content();
        assertNotNull(content, read.problems().toString());
        LoadedPack pack = new LoadedPack(content, UncheckedRules.compile("zz", drl));
        return new Setup(engine, pack, registry.catalog().with(pack));
    }

    @Test
    void aSleepingConsequenceIsAbandonedAtTheTimeBudgetAndNamed() {
        Setup s = setup(FAST, 1, 1, "rule \"sleeper\"\nwhen\n    Jurisdiction( )\nthen\n    java.lang.Thread.sleep( 60000 );\nend\n");
        long start = System.nanoTime();
        RuleBreach breach = assertThrows(RuleBreach.class, s::assess);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2000, "took " + ms + " ms");
        assertTrue(breach.getMessage().contains("did not finish within the time budget of 300 ms: rule \"sleeper\" at"
                + " rules/r.drl:1 (pack zz) was still running"), breach.getMessage());
        assertEquals(List.of("zz", "rules/r.drl", 1), List.of(breach.pack(), breach.file(), breach.line()));
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lexgap-rules-"))
                .forEach(t -> assertTrue(t.isDaemon(), t.getName() + " would keep the JVM alive"));
    }

    @Test
    void aConditionThatNeverEndsIsAbandonedAndTheRuleThatJoinsMostIsNamed() {
        Setup s = setup(FAST, 10, 1, "rule \"stuck\"\nwhen\n    $a : LegalElement( )\n"
                + "    $b : LegalElement( java.lang.Thread.sleep( 60000 ) == null )\nthen\nend\n");
        RuleBreach breach = assertThrows(RuleBreach.class, s::assess);
        assertTrue(breach.getMessage().endsWith("while matching the rules' conditions; the rule whose patterns join"
                + " the most facts is rule \"stuck\" at rules/r.drl:1 (pack zz)"), breach.getMessage());
    }

    @Test
    void aLoopStopsAtTheConfiguredFireLimit() {
        Setup s = setup(new RuleBudget(Duration.ofSeconds(10), 50, 1_000_000), 1, 1, "rule \"breeder\"\nwhen\n"
                + "    $f : Finding( )\nthen\n    insert( new Finding( $f.jurisdiction(), $f.criterion(), Status.NOT_MET, null, \"again\" ) );\nend\n");
        RuleBreach breach = assertThrows(RuleBreach.class, s::assess);
        assertTrue(breach.getMessage().startsWith("rules for ZZ stopped after 50 firings, which means a loop: rule"
                + " \"breeder\" at rules/r.drl:1 fired"), breach.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "insert( new Finding( \"ZZ\", \"isp_reporting\", Status.MET, null, \"trust me\" ) );|citing no provision",
            "insert( new Finding( \"ZZ\", \"isp_reporting\", Status.MET, \"ZZ-CODE-s99\", \"x\" ) );|\"ZZ-CODE-s99\", which is not a provision in force on 2016-01-01",
            "insert( new Finding( \"PH\", \"isp_reporting\", Status.NOT_MET, null, \"x\" ) );|concluded about PH while ZZ was assessed",
            "insert( new Finding( \"ZZ\", \"isp_reporting\", Status.UNKNOWN, null, \"x\" ) );|an UNKNOWN finding must cite",
            "insert( new LegalElement( \"ZZ\", \"ZZ-X\", \"duty\", null, null, null, null, \"isp\", \"report\", null ) );|rules may insert only findings",
            "insert( \"text\" );|rules may insert only findings",
    })
    void whatAFindingMaySayIsCheckedAsItIsInserted(String row) {
        String[] parts = row.split("\\|");
        Setup s = setup(FAST, 1, 1, "rule \"bad\"\nwhen\n    Jurisdiction( )\nthen\n    " + parts[0] + "\nend\n");
        RuleBreach breach = assertThrows(RuleBreach.class, s::assess);
        assertTrue(breach.getMessage().startsWith("rule \"bad\" at rules/r.drl:1 (pack zz) "), breach.getMessage());
        assertTrue(breach.getMessage().contains(parts[1]), breach.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$c : Criterion( )|delete( $c );|removed a fact", "$c : Criterion( )|retract( $c );|removed a fact",
            "$f : Finding( )|update( $f );|changed a fact"})
    void noRuleChangesOrRemovesAFact(String row) {
        String[] parts = row.split("\\|");
        Setup s = setup(FAST, 1, 1, "rule \"bad\"\nwhen\n    " + parts[0] + "\nthen\n    " + parts[1] + "\nend\n");
        RuleBreach breach = assertThrows(RuleBreach.class, s::assess);
        assertTrue(breach.getMessage().contains(parts[2]), breach.getMessage());
    }

    @Test
    void aPacksTestsAreBoundedAndTheFirstBreachStopsThem() {
        Setup s = setup(FAST, 1, 20, "rule \"sleeper\"\nwhen\n    Jurisdiction( )\nthen\n    java.lang.Thread.sleep( 60000 );\nend\n");
        long start = System.nanoTime();
        List<PackTests.CaseResult> results = PackTests.run(s.pack(), s.catalog(), s.engine());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2000, "20 stuck cases took " + ms + " ms");
        assertEquals(20, results.size());
        assertNotNull(results.get(0).breach());
        assertTrue(results.subList(1, 20).stream().allMatch(r -> r.skipped() != null), results.toString());
    }

    @Test
    void aPacksTestsTogetherGetTheBudgetOncePerJurisdiction() {
        // Each case stays within its own 300 ms, but 20 of them would take 3 s: the pack tests one jurisdiction. The
        // cases sleep, using no processor time, so the wall-time bound (five times the budget) is what stops them.
        Setup s = setup(FAST, 1, 20, "rule \"slow\"\nwhen\n    Jurisdiction( )\nthen\n    java.lang.Thread.sleep( 150 );\nend\n");
        List<PackTests.CaseResult> results = PackTests.run(s.pack(), s.catalog(), s.engine());
        long notRun = results.stream().filter(r -> !r.failures().isEmpty()
                && r.failures().get(0).startsWith("not run: the pack's tests used up")).count();
        assertTrue(notRun >= 5, notRun + " cases not run: " + results);
        assertTrue(results.get(results.size() - 1).failures().get(0).startsWith("not run: the pack's tests used up"
                + " their time, 300 ms for each jurisdiction they test"), results.get(results.size() - 1).toString());
    }

    @Test
    void theShippedPacksRunWellWithinTheDefaultBudget() {
        Setup s = setup(RuleBudget.DEFAULT, 1, 1, "");
        assertEquals(2, s.assess().metCount()); // specific legislation and simple possession
    }

    @Test
    void budgetsAreReadFromProperties() {
        assertEquals(RuleBudget.DEFAULT, RuleBudget.from(k -> null));
        RuleBudget set = RuleBudget.from(Map.of(RuleBudget.TIME, "500ms", RuleBudget.FIRES, "200", RuleBudget.JOINS, "5,000")::get);
        assertEquals(new RuleBudget(Duration.ofMillis(500), 200, 5000), set);
        assertEquals(Duration.ofSeconds(3), RuleBudget.duration("3s"));
        assertEquals(Duration.ofMillis(1500), RuleBudget.duration("1500"));
        assertThrows(IllegalArgumentException.class, () -> RuleBudget.duration("soon"));
        assertThrows(IllegalArgumentException.class, () -> RuleBudget.from(Map.of(RuleBudget.TIME, "0s")::get));
    }
}
