package org.lexgap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.EvaluatorService;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.registry.PackLoader;
import org.lexgap.core.registry.PackRegistryImpl;
import org.lexgap.core.trust.TrustStore;

/**
 * The comparison is fair only if the references answer what Lexgap answers: on every ASEAN cell (ten countries,
 * six criteria) at the 8th edition's cut-off and today, the hand-written evaluator and plain Drools give Lexgap's
 * status and cite Lexgap's provisions.
 */
class ReferencesAgreeTest {
    static Law law;
    static EvaluatorService lexgap;
    static PlainDrools drools;

    @BeforeAll
    static void load() {
        law = Law.read();
        Engine engine = new Engine("bench");
        PackRegistryImpl registry = new PackRegistryImpl(engine, () -> TrustStore.load(List.of(
                new TrustStore.Source(Law.home().resolve("trust"), "distribution"))), false);
        for (String id : List.of("model-law-8", "asean")) {
            PackLoader.Attempt attempt = registry.load(0, id, PackFiles.read(Law.pack(id), PackFiles.Limits.DEFAULT));
            assertTrue(attempt.ok(), () -> id + ": " + attempt.problems());
        }
        lexgap = new EvaluatorService(engine, registry::catalog);
        drools = PlainDrools.compile(law);
    }

    @Test
    void atTheCutoffAndTodayEveryAseanCellAgrees() {
        int cells = 0;
        int met = 0;
        for (LocalDate date : List.of(LocalDate.of(2016, 1, 1), LocalDate.now())) {
            GapAnalysis analysis = lexgap.assess(new AssessmentRequest(List.of(), "ASEAN", "8", date));
            assertEquals(law.asean(), analysis.jurisdictions().stream().map(JurisdictionResult::code).toList());
            for (JurisdictionResult j : analysis.jurisdictions()) {
                List<Verdict> hand = HandWritten.assess(law.edition(), law.jurisdictions().get(j.code()), date);
                List<Verdict> plain = drools.assess(law.edition(), law.jurisdictions().get(j.code()), date);
                assertEquals(j.criteria().size(), hand.size());
                for (int i = 0; i < hand.size(); i++) {
                    Assessment expected = j.criteria().get(i);
                    String cell = j.code() + " " + expected.criterion() + " on " + date;
                    List<String> cited = new ArrayList<>(expected.evidence().stream().map(Evidence::provision).toList());
                    for (Verdict reference : List.of(hand.get(i), plain.get(i))) {
                        assertEquals(expected.criterion(), reference.criterion(), cell);
                        assertEquals(expected.status(), reference.status(), cell + " (" + reference.decidedBy() + ")");
                        assertEquals(cited, reference.evidence(), cell);
                    }
                    cells++;
                    met += expected.status() == Status.MET ? 1 : 0;
                }
            }
        }
        assertEquals(120, cells);
        assertTrue(met > 20, "the comparison covers MET cells too: " + met);
    }
}
