package org.lexgap.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
import org.lexgap.core.registry.PackRegistryImpl;
import org.lexgap.core.render.Renderers;

class EngineTest {
    static Engine engine;
    static PackRegistryImpl registry;

    @BeforeAll
    static void load() {
        engine = new Engine("test");
        registry = Packs.registry(engine);
    }

    static JurisdictionResult assess(String code, String asOf) {
        GapAnalysis analysis = engine.assess(new AssessmentRequest(List.of(code), null, "8", LocalDate.parse(asOf)),
                registry.catalog());
        return analysis.jurisdictions().get(0);
    }

    @Test
    void philippinesMeetsAllSixAtTheCutoffWithCitedEvidence() {
        JurisdictionResult ph = assess("PH", "2016-01-01");
        assertEquals(6, ph.metCount(), ph.toString());
        for (Assessment a : ph.criteria()) {
            assertTrue(!a.evidence().isEmpty(), a.criterion() + " has no evidence");
            assertTrue(a.rule().startsWith("model-law-8: "), a.rule());
            for (Evidence e : a.evidence()) {
                assertTrue(!e.source().isBlank());
                assertTrue(!e.inForce().isAfter(LocalDate.parse("2016-01-01")));
            }
        }
    }

    @Test
    void beforeTheActNothingIsCitedAndNothingIsMet() {
        JurisdictionResult ph = assess("PH", "2009-01-01");
        assertEquals(0, ph.metCount());
        ph.criteria().forEach(a -> {
            assertEquals(Status.NOT_MET, a.status());
            assertTrue(a.evidence().isEmpty());
        });
        assertEquals(List.of(), ph.inForce());
    }

    @Test
    void inForceFilteringFollowsRepeal() {
        JurisdictionResult ph = assess("PH", "2024-01-01");
        assertEquals(List.of("PH-RA10175", "PH-RA11930"), ph.inForce());
        assertTrue(ph.criteria().stream().flatMap(a -> a.evidence().stream())
                .noneMatch(e -> e.instrument().equals("PH-RA9775")), "repealed Act cited");
    }

    /** A verified section inserted by an Act whose own dates are unverified. */
    static final String INSERTED = """
            {"code": "XX", "name": "Testland", "instruments": [
              {"id": "XX-CODE", "title": "Criminal Code", "citation": "Criminal Code", "source": "https://example.org/code",
               "verified": true, "provisions": [
                 {"id": "XX-CODE-s9", "section": "s. 9", "insertedBy": "XX-AMD", "summary": "Possession is an offence.",
                  "source": "https://example.org/code/s9", "verified": true,
                  "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "any"}]}]},
              {"id": "XX-AMD", "title": "Amendment Act", "citation": "Act 2 of 2010", "inForce": "2010-01-01",
               "inForceBasis": "approval", "source": "https://example.org/amd", "verified": false,
               "note": "the approval date is used; commencement not verified", "provisions": []}]}
            """;

    @Test
    void aProvisionInsertedByAnUnverifiedActIsFlaggedWhereverItIsRelied() {
        registry.load(9, "flags", Packs.of("flags", java.util.Map.of(
                "pack.json", "{\"id\": \"flags\", \"version\": \"1.0.0\", \"title\": \"t\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}",
                "jurisdictions/XX.json", INSERTED)));
        JurisdictionResult xx = assess("XX", "2016-01-01");
        Assessment possession = xx.criteria().get(3);
        assertEquals(Status.MET, possession.status());
        Evidence e = possession.evidence().get(0);
        assertEquals("Criminal Code, s. 9 (inserted by Act 2 of 2010)", e.citation());
        assertEquals(false, e.verified(), "the provision's dates come from an unverified Act");
        assertEquals("approval", e.inForceBasis(), "the inserting Act's basis travels with its date");
        assertEquals(List.of("Act 2 of 2010: the approval date is used; commencement not verified"), xx.unverified());
    }

    @Test
    void aProvisionInsertedByAVerifiedActIsNotFlagged() {
        Assessment definition = assess("TH", "2026-06-01").criteria().get(1);
        assertEquals(Status.MET, definition.status());
        assertTrue(definition.evidence().stream().allMatch(Evidence::verified), definition.evidence().toString());
    }

    @Test
    void sameInputsGiveIdenticalJson() {
        Renderers renderers = new Renderers();
        AssessmentRequest request = new AssessmentRequest(List.of("PH"), null, "8", LocalDate.parse("2016-01-01"));
        String first = renderers.render(engine.assess(request, registry.catalog()), "json");
        engine.forget();
        String second = renderers.render(new Engine("test").assess(request, Packs.registry(new Engine("test")).catalog()), "json");
        assertEquals(first, second);
    }
}
