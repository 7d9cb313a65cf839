package org.lexgap.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;
import org.lexgap.core.pack.PackTestCase;

/**
 * Runs a pack's test fixtures against a catalog in which that pack serves. Each case is one rule session under the
 * engine's budget; all of a pack's cases together get the time budget once per jurisdiction they test (at most
 * {@value #MOST_JURISDICTIONS} times) of processor time, and at most five times that in wall time, so a pack cannot
 * hold up the loading of others for longer than that. The first case whose rules break a budget or a rule
 * of evidence stops the run: the pack is refused at that rule.
 */
public final class PackTests {
    /**
     * The outcome of one case: {@code failures} is empty when it passed; {@code skipped} gives why it could not run;
     * {@code breach} is set when the rules broke a budget or a rule of evidence while it ran.
     */
    public record CaseResult(PackTestCase testCase, List<String> failures, String skipped, RuleBreach breach) {
        public CaseResult(PackTestCase testCase, List<String> failures, String skipped) {
            this(testCase, failures, skipped, null);
        }

        public boolean passed() {
            return skipped == null && failures.isEmpty();
        }
    }

    /** A pack's tests get the time budget once for each jurisdiction they test, up to this many times. */
    static final int MOST_JURISDICTIONS = 10;

    private PackTests() {
    }

    public static List<CaseResult> run(LoadedPack pack, Catalog catalog, Engine engine) {
        return run(pack, catalog, engine, () -> { });
    }

    /** As {@link #run(LoadedPack, Catalog, Engine)}, calling {@code beforeEachCase} first (it may throw to stop). */
    public static List<CaseResult> run(LoadedPack pack, Catalog catalog, Engine engine, Runnable beforeEachCase) {
        Catalog withPack = catalog.with(pack);
        List<PackTestCase> cases = pack.content().tests();
        long jurisdictions = cases.stream().map(PackTestCase::jurisdiction).distinct().count();
        Duration allowed = engine.budget().time().multipliedBy(Math.max(1, Math.min(jurisdictions, MOST_JURISDICTIONS)));
        long start = System.nanoTime();
        long cpuStart = RuleRun.cpuUsedByCaller();
        List<CaseResult> results = new ArrayList<>();
        RuleBreach breach = null;
        for (PackTestCase c : cases) {
            beforeEachCase.run();
            if (breach != null) {
                results.add(new CaseResult(c, List.of(), "an earlier case broke the rules' limits"));
                continue;
            }
            if (outOfTime(allowed.toNanos(), System.nanoTime() - start, RuleRun.cpuUsedByCaller() - cpuStart)) {
                results.add(new CaseResult(c, List.of("not run: the pack's tests used up their time, "
                        + engine.budget().shownTime() + " for each jurisdiction they test (" + allowed.toSeconds()
                        + " s in all)"), null));
                continue;
            }
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
            } catch (RuleBreach e) {
                breach = e;
                results.add(new CaseResult(c, List.of("evaluation failed: " + e.getMessage()), null, e));
            } catch (RuntimeException e) {
                results.add(new CaseResult(c, List.of("evaluation failed: " + e.getMessage()), null));
            }
        }
        return results;
    }

    /**
     * Like one session's budget: the time is up when the sessions have used the allowance of processor time, or when
     * far more wall time than it has passed; a machine busy with other work stretches the wall time alone.
     */
    static boolean outOfTime(long allowedNanos, long elapsedNanos, long cpuNanos) {
        return elapsedNanos > allowedNanos
                && (cpuNanos >= allowedNanos || elapsedNanos >= RuleRun.STARVED_LIMIT * allowedNanos);
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
