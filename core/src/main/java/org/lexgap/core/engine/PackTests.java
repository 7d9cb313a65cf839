package org.lexgap.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;
import org.lexgap.core.pack.PackTestCase;

/** Runs a pack's test fixtures against a catalog in which that pack serves. */
public final class PackTests {
    /** The outcome of one case: {@code failures} is empty when it passed; {@code skipped} gives why it could not run. */
    public record CaseResult(PackTestCase testCase, List<String> failures, String skipped) {
        public boolean passed() {
            return skipped == null && failures.isEmpty();
        }
    }

    private PackTests() {
    }

    public static List<CaseResult> run(LoadedPack pack, Catalog catalog, Engine engine) {
        Catalog withPack = catalog.with(pack);
        List<CaseResult> results = new ArrayList<>();
        for (PackTestCase c : pack.content().tests()) {
            if (withPack.edition(c.edition()).isEmpty()) {
                results.add(new CaseResult(c, List.of(), "edition " + c.edition() + " is not loaded"));
                continue;
            }
            if (withPack.jurisdiction(c.jurisdiction()).isEmpty()) {
                results.add(new CaseResult(c, List.of(), "jurisdiction " + c.jurisdiction() + " is not loaded"));
                continue;
            }
            try {
                JurisdictionResult result = engine.run(c.jurisdiction(),
                        new AssessmentRequest(List.of(c.jurisdiction()), null, c.edition(), c.asOf()), withPack).result();
                results.add(new CaseResult(c, compare(c, result), null));
            } catch (RuntimeException e) {
                results.add(new CaseResult(c, List.of("evaluation failed: " + e.getMessage()), null));
            }
        }
        return results;
    }

    private static List<String> compare(PackTestCase c, JurisdictionResult result) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Status> expected : c.expect().entrySet()) {
            Assessment actual = find(result, expected.getKey());
            if (actual == null) {
                failures.add(expected.getKey() + ": expected " + expected.getValue() + ", but the edition has no such criterion");
            } else if (actual.status() != expected.getValue()) {
                failures.add(expected.getKey() + ": expected " + expected.getValue() + ", got " + actual.status()
                        + " (" + (actual.rule() == null ? "no rule" : actual.rule()) + ")");
            }
        }
        for (Map.Entry<String, List<String>> expected : c.expectEvidence().entrySet()) {
            Assessment actual = find(result, expected.getKey());
            List<String> cited = actual == null ? List.of() : actual.evidence().stream().map(Evidence::provision).toList();
            for (String provision : expected.getValue()) {
                if (!cited.contains(provision)) {
                    failures.add(expected.getKey() + ": expected evidence " + provision + ", cited " + cited);
                }
            }
        }
        return failures;
    }

    private static Assessment find(JurisdictionResult result, String criterion) {
        return result.criteria().stream().filter(a -> a.criterion().equals(criterion)).findFirst().orElse(null);
    }
}
