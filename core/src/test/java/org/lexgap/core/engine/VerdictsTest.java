package org.lexgap.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Basis;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Finding;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.Interpretation;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Status;
import org.lexgap.core.engine.RuleRun.RuledFinding;
import org.lexgap.core.pack.JurisdictionData;

class VerdictsTest {
    static final Criterion POSSESSION = new Criterion("simple_possession", 4, "8", "q", "r", "s");
    static final LocalDate DAY = LocalDate.of(2016, 1, 1);
    static final Instrument ACT = new Instrument("A", "XY", "Act", "Act 1", null, LocalDate.of(2000, 1, 1), null, null, "src", true, null);
    static final Provision S1 = new Provision("A-s1", "XY", "A", "s. 1", null, "possession", LocalDate.of(2000, 1, 1), null, "src", true, List.of());

    static JurisdictionData data(List<String> unassessed, List<Interpretation> interpretations) {
        return new JurisdictionData("jurisdictions/XY.json", new Jurisdiction("XY", "Test", unassessed), List.of(ACT), List.of(S1), interpretations);
    }

    static RuledFinding finding(Status status, String provision, String rule) {
        return new RuledFinding(new Finding("XY", "simple_possession", status, provision, "because"), rule, 1);
    }

    @Test
    void metWinsOverAbsenceAndCitesTheProvision() {
        Assessment a = Verdicts.decide(POSSESSION, "8", DAY, data(List.of(), List.of()),
                List.of(finding(Status.NOT_MET, null, "law: absence"), finding(Status.MET, "A-s1", "law: possession")));
        assertEquals(Status.MET, a.status());
        assertEquals("law: possession", a.rule());
        assertEquals("Act 1, s. 1", a.evidence().get(0).citation());
    }

    @Test
    void anApplicableInterpretationDecidesAndShowsWhatTheRulesSaid() {
        Interpretation review = new Interpretation("XY-gr8", "XY", "simple_possession", Status.NOT_MET, "the review read it otherwise",
                "ICMEC 8th ed.", "8", null, LocalDate.of(2017, 1, 1), true);
        Assessment a = Verdicts.decide(POSSESSION, "8", DAY, data(List.of(), List.of(review)),
                List.of(finding(Status.MET, "A-s1", "law: possession")));
        assertEquals(Status.NOT_MET, a.status());
        assertEquals(Basis.INTERPRETATION, a.basis());
        assertEquals("interpretation: XY-gr8", a.rule());
        assertTrue(a.ruleFindings().get(0).startsWith("MET by law: possession"), a.ruleFindings().toString());
    }

    @Test
    void anInterpretationOutsideItsDatesOrEditionDoesNotApply() {
        Interpretation until2017 = new Interpretation("i", "XY", "simple_possession", Status.NOT_MET, "r", "s", "8", null, LocalDate.of(2017, 1, 1), true);
        List<RuledFinding> met = List.of(finding(Status.MET, "A-s1", "law: possession"));
        assertEquals(Status.MET, Verdicts.decide(POSSESSION, "8", LocalDate.of(2017, 1, 1), data(List.of(), List.of(until2017)), met).status());
        assertEquals(Status.MET, Verdicts.decide(POSSESSION, "9", DAY, data(List.of(), List.of(until2017)), met).status());
    }

    @Test
    void unassessedIsUnknownNeverNotMet() {
        Assessment a = Verdicts.decide(POSSESSION, "8", DAY, data(List.of("simple_possession"), List.of()),
                List.of(finding(Status.NOT_MET, null, "law: absence")));
        assertEquals(Status.UNKNOWN, a.status());
        assertEquals(Basis.NO_DATA, a.basis());
    }

    @Test
    void aMetVerdictThatWouldCiteNoProvisionInForceIsAnError() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () ->
                Verdicts.decide(POSSESSION, "8", DAY, data(List.of(), List.of()), List.of(finding(Status.MET, null, "p: trust me"))));
        assertTrue(e.getMessage().contains("rule p: trust me found simple_possession MET for XY without citing"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Verdicts.decide(POSSESSION, "8",
                LocalDate.of(1999, 1, 1), data(List.of(), List.of()), List.of(finding(Status.MET, "A-s1", "p: too early"))));
    }

    @Test
    void noFindingAtAllIsUnknown() {
        assertEquals(Status.UNKNOWN, Verdicts.decide(POSSESSION, "8", DAY, data(List.of(), List.of()), List.of()).status());
    }
}
