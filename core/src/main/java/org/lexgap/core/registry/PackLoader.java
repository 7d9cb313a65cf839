package org.lexgap.core.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lexgap.api.model.PackProblem;
import org.lexgap.core.engine.Catalog;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.engine.PackTests;
import org.lexgap.core.engine.RuleBreach;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.pack.PackContent;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.pack.PackReader;
import org.lexgap.core.pack.Problems;
import org.lexgap.core.rules.CompiledRules;
import org.lexgap.core.rules.DrlCompiler;
import org.lexgap.core.rules.RuleContext;
import org.lexgap.core.trust.TrustedKey;

/**
 * Takes a pack from files to servable: read and check the JSON, check and compile the DRL, then run the pack's own
 * tests against the current catalog with the pack in it. Nothing here touches what is serving.
 */
public final class PackLoader {
    /** The outcome: the pack when every step passed, the test results, and every problem. */
    public record Attempt(String id, String version, LoadedPack pack, List<PackTests.CaseResult> tests,
                          List<PackProblem> problems) {
        public boolean ok() {
            return pack != null;
        }
    }

    private static volatile java.util.Optional<LoadCache> loadCache = java.util.Optional.empty();
    private static volatile java.util.Optional<BuildTimeRules> buildTimeRules = java.util.Optional.empty();
    private static volatile String build = "";

    private PackLoader() {
    }

    /**
     * Remembers clean test passes in {@code directory} ({@link LoadCache}), for the Lexgap build {@code buildId};
     * a null directory caches nothing.
     */
    public static void cacheIn(java.nio.file.Path directory, String buildId) {
        loadCache = directory == null ? java.util.Optional.empty() : LoadCache.open(directory);
        build = buildId == null ? "" : buildId;
    }

    /**
     * Reads rules compiled when the distribution was built from {@code directory} ({@link BuildTimeRules}), and, when
     * {@code record} is true, writes there the rules this process checks and compiles (the build's own step, never a
     * command's); a null directory turns both off.
     */
    public static void buildTimeRulesIn(java.nio.file.Path directory, boolean record) {
        buildTimeRules = directory == null ? java.util.Optional.empty()
                : java.util.Optional.of(new BuildTimeRules(directory, record));
    }

    /** What to do with the pack's test fixtures. */
    public enum Tests {
        /** Do not run them (validation only). */
        SKIP,
        /** Run them and return the results; failures are not problems (the author's {@code pack test}). */
        REPORT,
        /** Run them; a failure is an error that refuses the pack (loading to serve). */
        GATE
    }

    public static Attempt load(PackFiles files, Catalog catalog, Engine engine, Tests mode) {
        return load(files, null, catalog, engine, mode, LoadCancellation.none());
    }

    /**
     * Loads {@code files}, whose signature {@code signer} made (null when unsigned), checking {@code cancellation}
     * between the steps.
     *
     * @throws LoadCancellation.Cancelled when the load was cancelled
     */
    public static Attempt load(PackFiles files, TrustedKey signer, Catalog catalog, Engine engine, Tests mode,
                               LoadCancellation cancellation) {
        Map<String, Set<String>> criteria = new java.util.HashMap<>();
        catalog.editions().forEach((edition, pack) -> {
            Set<String> ids = new java.util.TreeSet<>();
            pack.content().edition().criteria().forEach(c -> ids.add(c.id()));
            criteria.put(edition, ids);
        });
        cancellation.check();
        PackReader.Result read = PackReader.read(files, criteria);
        PackContent content = read.content();
        org.lexgap.core.internal.Timeline.mark("pack " + files.origin() + " JSON read and checked");
        if (content == null) {
            return new Attempt(idOf(read, files), null, null, List.of(), read.problems());
        }
        String id = content.descriptor().id();
        Problems problems = new Problems(id);
        problems.addAll(read.problems());
        Set<String> ruleCriteria = new HashSet<>();
        if (!content.editions().isEmpty()) {
            content.editions().forEach(e -> e.criteria().forEach(c -> ruleCriteria.add(c.id())));
        } else {
            content.descriptor().editions().stream().filter(criteria::containsKey)
                    .forEach(e -> ruleCriteria.addAll(criteria.get(e)));
        }
        cancellation.check();
        CompiledRules rules = compile(id, content, ruleContext(content, catalog, ruleCriteria, engine), engine,
                problems);
        if (rules == null) {
            return new Attempt(id, content.descriptor().version(), null, List.of(), problems.list());
        }
        LoadedPack pack = new LoadedPack(content, rules, signer);
        List<PackTests.CaseResult> tests = List.of();
        java.util.Optional<LoadCache> cache = mode == Tests.GATE ? loadCache : java.util.Optional.empty();
        String testKey = cache.isPresent() ? testKey(files, catalog, engine) : null;
        if (cache.isPresent() && cache.get().passed(testKey)) {
            org.lexgap.core.internal.Timeline.mark("pack " + id + " load-time tests passed before (cached)");
        } else if (mode != Tests.SKIP) {
            // A cancelled load stops before its next case.
            tests = PackTests.run(pack, catalog, engine, cancellation::check);
            cancellation.check();
            if (cache.isPresent() && !tests.isEmpty() && tests.stream().allMatch(r -> r.breach() == null
                    && r.skipped() == null && r.failures().isEmpty())) {
                cache.get().recordPass(testKey);
            }
            org.lexgap.core.internal.Timeline.mark("pack " + id + " " + tests.size() + " load-time tests run");
        }
        for (PackTests.CaseResult result : tests) {
            if (result.breach() != null) {
                // Refused at the rule that broke the limits when it is this pack's, else at the test case.
                RuleBreach breach = result.breach();
                boolean own = id.equals(breach.pack()) && breach.file() != null;
                problems.error(own ? breach.file() : result.testCase().file(), own ? breach.line()
                        : result.testCase().line(), 0, breach.getMessage());
            }
        }
        if (mode == Tests.GATE) {
            // A model-law pack's cases over other packs' jurisdictions cannot run before those packs load (model-law
            // packs load first): one line says so, rather than one warning per case.
            java.util.Set<String> absent = new java.util.TreeSet<>();
            for (PackTests.CaseResult result : tests) {
                if (result.breach() != null) {
                    continue;
                }
                if (content.descriptor().isModelLaw() && result.skipped() != null
                        && catalog.with(pack).jurisdiction(result.testCase().jurisdiction()).isEmpty()) {
                    absent.add(result.testCase().jurisdiction());
                } else if (result.skipped() != null) {
                    problems.warning(result.testCase().file(), result.testCase().line(), 0, "test \""
                            + result.testCase().name() + "\" not run: " + result.skipped());
                } else {
                    result.failures().forEach(f -> problems.error(result.testCase().file(), result.testCase().line(), 0,
                            "test \"" + result.testCase().name() + "\" failed: " + f));
                }
            }
            if (!absent.isEmpty()) {
                problems.warning("tests", 0, 0, "cases over jurisdictions not loaded when this pack loaded ("
                        + String.join(", ", absent) + ") were not run; 'lexgap pack test' runs them against the"
                        + " serving packs");
            }
        }
        return new Attempt(id, content.descriptor().version(), problems.hasErrors() ? null : pack, tests,
                problems.list());
    }

    /**
     * The pack's rules checked and compiled, or as checked and compiled before for the identical rules text, check
     * context and build: when the distribution was built ({@link BuildTimeRules}, the shipped packs), or by an
     * earlier run ({@link LoadCache}); {@code null} when refused. Only rules that passed with no problem at all are
     * stored, so a load from either reports exactly what a fresh one would.
     */
    private static CompiledRules compile(String id, PackContent content, RuleContext context, Engine engine,
                                         Problems problems) {
        java.util.Optional<LoadCache> cache = loadCache;
        java.util.Optional<BuildTimeRules> shipped = buildTimeRules;
        String key = (cache.isPresent() || shipped.isPresent()) && !content.rules().isEmpty()
                ? rulesKey(id, content, context, engine) : null;
        if (key != null) {
            CompiledRules rules = decode(shipped.flatMap(s -> s.rules(key)));
            if (rules != null) {
                org.lexgap.core.internal.Timeline.mark("pack " + id + " DRL as checked and compiled at build time");
                return rules;
            }
            // An entry of an older form is not decoded: the rules are checked and compiled afresh, and it is replaced.
            rules = decode(cache.flatMap(c -> c.rules(key)));
            if (rules != null) {
                org.lexgap.core.internal.Timeline.mark("pack " + id + " DRL as checked and compiled before (cached)");
                return rules;
            }
        }
        int before = problems.list().size();
        CompiledRules rules = DrlCompiler.compile(id, content.rules(), context, problems);
        org.lexgap.core.internal.Timeline.mark("pack " + id + " DRL allow-listed and compiled");
        if (key != null && rules != null && problems.list().size() == before) {
            try {
                byte[] bytes = org.lexgap.core.rules.CompiledRulesCodec.write(rules);
                cache.ifPresent(c -> c.storeRules(key, bytes));
                shipped.ifPresent(s -> s.record(key, bytes));
            } catch (java.io.IOException | RuntimeException e) {
                // the caches are an optimisation
            }
        }
        return rules;
    }

    private static CompiledRules decode(java.util.Optional<byte[]> stored) {
        if (stored.isEmpty()) {
            return null;
        }
        try {
            return org.lexgap.core.rules.CompiledRulesCodec.read(stored.get());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** All that checking and compiling a pack's rules depends on: the build, the rules text and the check context. */
    private static String rulesKey(String id, PackContent content, RuleContext context, Engine engine) {
        List<String> parts = new java.util.ArrayList<>(List.of("rules-v1",
                org.lexgap.core.rules.CompiledRulesCodec.FORMAT, build, engine.version(), id,
                String.join(",", new java.util.TreeSet<>(context.criteria())), context.facts().toString(),
                String.valueOf(context.joinLimit())));
        new java.util.TreeMap<>(content.rules()).forEach((file, text) -> {
            parts.add(file);
            parts.add(text);
        });
        return LoadCache.key(parts.toArray(String[]::new));
    }

    /**
     * All that a pack's test outcome depends on: the Lexgap build and engine, the rule budgets, this pack's content
     * and the content of every pack it is tested beside.
     */
    private static String testKey(PackFiles files, Catalog catalog, Engine engine) {
        List<String> parts = new java.util.ArrayList<>(List.of("tests-v1", build, engine.version(),
                engine.budget().toString(), files.sha256()));
        catalog.packs().stream().map(p -> p.id() + "@" + p.content().ref().sha256()).sorted().forEach(parts::add);
        return LoadCache.key(parts.toArray(String[]::new));
    }

    /** What the rule checks need: the criteria, the join limit, and the facts each jurisdiction will hold. */
    private static RuleContext ruleContext(PackContent content, Catalog catalog, Set<String> criteria, Engine engine) {
        int criterionCount = !content.editions().isEmpty()
                ? content.editions().stream().mapToInt(e -> e.criteria().size()).max().orElse(0)
                : content.descriptor().editions().stream().map(catalog::edition).flatMap(java.util.Optional::stream)
                .mapToInt(p -> p.content().edition().criteria().size()).max().orElse(criteria.size());
        List<JurisdictionData> jurisdictions = !content.jurisdictions().isEmpty() ? content.jurisdictions()
                : catalog.jurisdictions().values().stream().map(Catalog.Entry::data).toList();
        return new RuleContext(criteria, jurisdictions.stream()
                .map(j -> RuleContext.FactCounts.of(j, criterionCount)).toList(), engine.budget().joinLimit());
    }

    private static String idOf(PackReader.Result read, PackFiles files) {
        return read.problems().isEmpty() ? files.origin() : read.problems().get(0).pack();
    }
}
