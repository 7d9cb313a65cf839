package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.Status;
import org.lexgap.launcher.Distribution;
import org.lexgap.launcher.Platform;

/** The real Felix, the real core bundle with embedded Drools, the real shipped packs. */
class PlatformIT {
    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.start(Platform.Options.defaults());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static JurisdictionResult assess(Platform p, String code, String asOf) {
        return p.evaluator().assess(new AssessmentRequest(List.of(code), null, "8", LocalDate.parse(asOf)))
                .jurisdictions().get(0);
    }

    @Test
    void coreAndShippedPacksAreActive() {
        for (Bundle bundle : platform.context().getBundles()) {
            assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " not active");
        }
        List<PackInfo> packs = platform.registry().packs();
        assertEquals(List.of("africa", "americas", "apac", "asean", "europe", "model-law-1-7", "model-law-8",
                "model-law-9"), packs.stream().map(PackInfo::id).toList());
        packs.forEach(p -> assertEquals("SERVING", p.state(), p.id() + ": " + p.problems()));
    }

    @Test
    void philippinesMeetsAllSixCriteriaAtTheCutoffWithCitedEvidence() {
        JurisdictionResult ph = assess(platform, "PH", "2016-01-01");
        assertEquals(6, ph.metCount());
        for (Assessment a : ph.criteria()) {
            assertFalse(a.evidence().isEmpty(), a.criterion());
            a.evidence().forEach(e -> {
                assertFalse(e.citation().isBlank());
                assertFalse(e.source().isBlank());
                assertFalse(e.inForce().isAfter(LocalDate.parse("2016-01-01")));
            });
        }
    }

    @Test
    void beforeRa9775NothingIsCited() {
        JurisdictionResult ph = assess(platform, "PH", "2009-06-30");
        ph.criteria().forEach(a -> {
            assertEquals(Status.NOT_MET, a.status());
            assertTrue(a.evidence().isEmpty());
        });
    }

    @Test
    void unknownJurisdictionIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> assess(platform, "XX", "2016-01-01"));
        assertTrue(e.getMessage().contains("unknown jurisdiction \"XX\""), e.getMessage());
    }

    @Test
    void sameInputsGiveByteIdenticalJsonAcrossPlatforms() {
        AssessmentRequest request = new AssessmentRequest(List.of("PH"), null, "8", LocalDate.parse("2016-01-01"));
        String first = platform.renderer().render(platform.evaluator().assess(request), "json");
        try (Platform second = Platform.start(Platform.Options.defaults())) {
            assertEquals(first, second.renderer().render(second.evaluator().assess(request), "json"));
        }
    }

    @Test
    void shellCommandsAreRegisteredForGogo() throws Exception {
        ServiceReference<?>[] refs = platform.context().getServiceReferences((String) null, "(osgi.command.scope=lexgap)");
        assertEquals(1, refs.length);
        Object commands = platform.context().getService(refs[0]);
        Method assess = commands.getClass().getMethod("assess", String.class, String.class);
        String text = (String) assess.invoke(commands, "PH", "2016-01-01");
        assertTrue(text.contains("Philippines (PH): 6 of 6 criteria met"), text);
    }

    @Test
    void updatingAPackChangesVerdictsWithoutRestartAndABrokenUpdateKeepsTheOldVersion(@TempDir Path tmp) {
        Path asean = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean"));
        Path modelLaw = Distribution.locate().packs().stream()
                .filter(p -> p.getFileName().toString().equals("lexgap-pack-model-law-8.jar")).findFirst().orElseThrow();
        try (Platform p = Platform.start(Platform.Options.defaults().withoutShippedPacks()
                .withPacks(List.of(modelLaw, asean)))) {
            assertEquals(Status.MET, status(p, "PH", "isp_reporting", "2024-01-01"));

            // Version 7.0.1: an analyst withdraws RA 11930's unverified reporting duty, and updates its test.
            TestPacks.setVersion(asean, "7.0.1");
            TestPacks.replace(asean.resolve("jurisdictions/PH.json"),
                    "{\"type\": \"duty\", \"subject\": \"csam\", \"bearer\": \"isp\", \"action\": \"report\"},\n"
                            + "            {\"type\": \"duty\", \"subject\": \"csam\", \"bearer\": \"isp\", \"action\": \"block\"},\n"
                            + "            {\"type\": \"duty\", \"bearer\": \"isp\", \"action\": \"preserve\"}",
                    "{\"type\": \"duty\", \"bearer\": \"isp\", \"action\": \"preserve\"}");
            TestPacks.write(asean.resolve("tests/PH.json"), """
                    {"cases": [{"name": "PH after RA 11930 without a recorded reporting duty", "jurisdiction": "PH",
                                "edition": "8", "asOf": "2024-01-01", "expect": {"isp_reporting": "NOT_MET"}}]}
                    """);
            PackInfo updated = p.installer().update("asean", null);
            assertEquals("7.0.1", updated.version(), updated.problems().toString());
            assertEquals("SERVING", updated.state());
            assertEquals(Status.NOT_MET, status(p, "PH", "isp_reporting", "2024-01-01"));
            assertEquals(Status.MET, status(p, "PH", "isp_reporting", "2016-01-01"));

            // Version 7.0.2 has a DRL syntax error: refused, 7.0.1 keeps answering.
            TestPacks.setVersion(asean, "7.0.2");
            TestPacks.write(asean.resolve("rules/broken.drl"), "rule \"half a rule\"\nwhen\n    LegalElement( type == \"offence\"\nthen\nend\n");
            PackInfo refused = p.installer().update("asean", null);
            assertEquals("SERVING_PREVIOUS", refused.state());
            assertEquals("7.0.1", refused.version());
            PackProblem problem = refused.problems().stream().filter(x -> "rules/broken.drl".equals(x.file()))
                    .findFirst().orElseThrow(() -> new AssertionError(refused.problems().toString()));
            assertTrue(problem.line() >= 3, problem.format());
            assertEquals(Status.NOT_MET, status(p, "PH", "isp_reporting", "2024-01-01"));
            GapAnalysis analysis = p.evaluator().assess(new AssessmentRequest(List.of("PH"), null, "8", LocalDate.parse("2016-01-01")));
            assertEquals("7.0.1", analysis.provenance().packs().stream().filter(r -> r.id().equals("asean")).findFirst().orElseThrow().version());
        }
    }

    @Test
    void aBrokenPackIsReportedAndTheOthersKeepAnswering(@TempDir Path tmp) {
        Path broken = tmp.resolve("broken");
        TestPacks.write(broken.resolve("pack.json"), "{\"id\": \"broken\", \"version\": \"1.0.0\", \"title\": \"Broken\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}");
        TestPacks.write(broken.resolve("jurisdictions/ZZ.json"), "{\"code\": \"ZZ\", \"name\": \"Test-only\", \"instruments\": []}");
        TestPacks.write(broken.resolve("rules/bad.drl"), "rule \"bad\"\nwhen\n    Finding( \nthen\nend\n");
        PackInfo info = platform.installer().install(broken);
        try {
            assertEquals("FAILED", info.state());
            PackProblem problem = info.problems().stream().filter(x -> "rules/bad.drl".equals(x.file())).findFirst()
                    .orElseThrow(() -> new AssertionError(info.problems().toString()));
            assertTrue(problem.line() > 0, problem.format());
            assertEquals(6, assess(platform, "PH", "2016-01-01").metCount());
        } finally {
            platform.installer().uninstall("broken");
        }
        assertTrue(platform.registry().packs().stream().noneMatch(p -> "broken".equals(p.id())));
    }

    @Test
    void aLoopingRuleIsStoppedAndNamedWhileOtherPacksKeepAnswering(@TempDir Path tmp) {
        Path loop = tmp.resolve("loop");
        TestPacks.write(loop.resolve("pack.json"), "{\"id\": \"loop\", \"version\": \"1.0.0\", \"title\": \"Loop\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}");
        TestPacks.write(loop.resolve("jurisdictions/ZZ.json"), "{\"code\": \"ZZ\", \"name\": \"Test-only\", \"instruments\": []}");
        TestPacks.write(loop.resolve("rules/loop.drl"), "// every finding breeds another\nrule \"breeder\"\nwhen\n    $f : Finding( )\nthen\n    insert( new Finding( $f.jurisdiction(), $f.criterion(), $f.status(), null, \"again\" ) );\nend\n");
        platform.installer().install(loop);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> assess(platform, "ZZ", "2016-01-01"));
            assertTrue(e.getMessage().contains("\"breeder\" at rules/loop.drl:2"), e.getMessage());
            assertEquals(6, assess(platform, "PH", "2016-01-01").metCount());
        } finally {
            platform.installer().uninstall("loop");
        }
    }

    private static Status status(Platform p, String code, String criterion, String asOf) {
        return assess(p, code, asOf).criteria().stream().filter(a -> a.criterion().equals(criterion))
                .findFirst().orElseThrow().status();
    }
}
