package org.lexgap.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.PackInfo;
import org.lexgap.core.Packs;
import org.lexgap.core.engine.Engine;

class RegistryTest {
    static final String ZZ = "{\"code\": \"ZZ\", \"name\": \"Test-only\", \"instruments\": []}";

    static Map<String, String> pack(String id, String version, String drl) {
        return Map.of("pack.json", "{\"id\": \"" + id + "\", \"version\": \"" + version + "\", \"title\": \"t\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}",
                "jurisdictions/ZZ.json", ZZ, "rules/r.drl", drl);
    }

    static PackInfo info(PackRegistryImpl registry, long bundle) {
        return registry.packs().stream().filter(p -> p.bundleId() == bundle).findFirst().orElseThrow();
    }

    @Test
    void aBrokenPackFailsAloneAndTheOthersKeepServing() {
        Engine engine = new Engine("t");
        PackRegistryImpl registry = Packs.registry(engine);
        registry.load(3, "broken", Packs.of("broken", pack("broken", "1.0.0", "rule \"x\" when Finding( then end")));
        assertEquals("FAILED", info(registry, 3).state());
        assertEquals("SERVING", info(registry, 2).state());
        assertEquals(6, engine.assess(new AssessmentRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1)),
                registry.catalog()).jurisdictions().get(0).metCount());
    }

    @Test
    void aFailedUpdateKeepsThePreviousVersionServing() {
        Engine engine = new Engine("t");
        PackRegistryImpl registry = Packs.registry(engine);
        registry.load(3, "zz", Packs.of("zz", pack("zz", "1.0.0", "// nothing yet\n")));
        registry.load(3, "zz", Packs.of("zz", pack("zz", "1.1.0", "rule \"x\" when Finding( then end")));
        PackInfo zz = info(registry, 3);
        assertEquals("SERVING_PREVIOUS", zz.state());
        assertEquals("1.0.0", zz.version());
        assertTrue(registry.catalog().jurisdiction("ZZ").isPresent());
    }

    @Test
    void aStoppedPackStopsServingAndAnUninstalledOneIsForgotten() {
        PackRegistryImpl registry = Packs.registry(new Engine("t"));
        registry.deactivate(2);
        assertTrue(registry.catalog().jurisdiction("PH").isEmpty());
        assertEquals("STOPPED", info(registry, 2).state());
        registry.forget(2);
        assertFalse(registry.packs().stream().anyMatch(p -> p.bundleId() == 2));
    }

    @Test
    void twoPacksClaimingOneJurisdictionIsAnErrorButANewerVersionOfTheSamePackReplacesIt() {
        PackRegistryImpl registry = Packs.registry(new Engine("t"));
        registry.load(3, "a", Packs.of("a", pack("zz-a", "1.0.0", "")));
        registry.load(4, "b", Packs.of("b", pack("zz-b", "1.0.0", "")));
        PackInfo b = info(registry, 4);
        assertTrue(b.problems().stream().anyMatch(p -> p.message().contains("jurisdiction ZZ is already provided by pack zz-a")), b.problems().toString());
        registry.load(5, "a2", Packs.of("a2", pack("zz-a", "2.0.0", "")));
        assertEquals("SUPERSEDED", info(registry, 3).state());
        assertEquals("SERVING", info(registry, 5).state());
    }

    @Test
    void aLoopingRuleIsStoppedAtTheFireLimitAndNamed() {
        Engine engine = new Engine("t");
        PackRegistryImpl registry = Packs.registry(engine);
        registry.load(3, "loop", Packs.of("loop", pack("loop", "1.0.0",
                "rule \"breeder\"\nwhen\n    $f : Finding( )\nthen\n    insert( new Finding( $f.jurisdiction(), $f.criterion(), $f.status(), null, \"again\" ) );\nend\n")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.assess(
                new AssessmentRequest(List.of("ZZ"), null, "8", LocalDate.of(2016, 1, 1)), registry.catalog()));
        assertTrue(e.getMessage().contains("rule \"breeder\" at rules/r.drl:1"), e.getMessage());
    }
}
