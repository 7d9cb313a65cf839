package org.lexgap.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;

import org.lexgap.api.model.AmendmentChange;
import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.AmendmentRef;
import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackRef;
import org.lexgap.api.model.Provenance;
import org.lexgap.api.model.Region;
import org.lexgap.core.amend.AmendedLaw;
import org.lexgap.core.amend.Amendment;
import org.lexgap.core.amend.AmendmentReader;
import org.lexgap.core.engine.Catalog.Entry;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.rules.RuleBudget;
import org.lexgap.core.rules.RuleContext;

/**
 * Evaluates jurisdictions against a model-law edition as of a date, over one {@link Catalog} snapshot. Each
 * jurisdiction runs in its own session over a KieBase combining the edition's rules and its pack's rules; those
 * KieBases are cached per pair of pack versions.
 *
 * <p>What-if amendments change only the facts: a jurisdiction they apply to runs twice over the same cached
 * KieBase, once on its recorded law and once on a copy with the amendments applied, and each verdict on the amended
 * law carries the recorded-law verdict beside it ({@link org.lexgap.api.model.WhatIf}).
 */
public final class Engine {
    private final String version;
    private final RuleBudget budget;
    private final Map<String, InternalKnowledgeBase> bases = new ConcurrentHashMap<>();

    public Engine(String version) {
        this(version, RuleBudget.DEFAULT);
    }

    /** An engine whose every rule session runs under {@code budget}. */
    public Engine(String version, RuleBudget budget) {
        this.version = version;
        this.budget = budget;
    }

    /** What each rule session may use; the pack loader applies its join limit too. */
    /** The engine's version, as results cite it. */
    public String version() {
        return version;
    }

    public RuleBudget budget() {
        return budget;
    }

    /**
     * What one jurisdiction's evaluation produced, with the session's trace for explanations.
     *
     * @param data         the law the session read: the pack's, or the amended copy
     * @param hypothetical provision id to the amendment change that added or amended it (empty without amendments)
     */
    public record JurisdictionRun(JurisdictionResult result, RuleRun.Outcome outcome, JurisdictionData data,
                                  Map<String, AmendmentChange> hypothetical) {
    }

    public GapAnalysis assess(AssessmentRequest request, Catalog catalog) {
        LoadedPack editionPack = editionPack(request.edition(), catalog);
        ModelLawEdition edition = editionPack.content().edition();
        List<Amendment> amendments = amendments(request.amendments(), catalog);
        Region region = null;
        List<String> codes = new ArrayList<>();
        if (request.region() != null) {
            region = catalog.region(request.region()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown region \"" + request.region() + "\"; loaded regions: " + catalog.regions().keySet()));
            codes.addAll(region.members());
        }
        request.jurisdictions().forEach(c -> codes.add(c.toUpperCase(java.util.Locale.ROOT)));
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("name at least one jurisdiction or a region");
        }
        Set<String> scope = new LinkedHashSet<>(codes);
        for (Amendment a : amendments) {
            if (!scope.contains(a.jurisdiction())) {
                throw new IllegalArgumentException("amendment " + a.path() + " amends " + a.jurisdiction()
                        + ", which this assessment does not include (" + String.join(", ", scope) + ")");
            }
        }
        Set<PackRef> used = new TreeSet<>(Comparator.comparing(PackRef::id));
        used.add(editionPack.ref());
        List<JurisdictionResult> results = new ArrayList<>();
        for (String code : scope) {
            Entry entry = entry(code, catalog);
            used.add(entry.pack().ref());
            results.add(run(editionPack, entry, request.asOf(), changesFor(code, amendments)).result());
        }
        List<AmendmentRef> refs = amendments.stream().map(Amendment::toRef).toList();
        return new GapAnalysis(edition, edition.criteria(), region, results,
                new Provenance(version, edition.edition(), request.asOf(), new ArrayList<>(used), refs));
    }

    /** Evaluates one jurisdiction (with the request's amendments of it) and keeps the session's trace. */
    public JurisdictionRun run(String code, AssessmentRequest request, Catalog catalog) {
        LoadedPack editionPack = editionPack(request.edition(), catalog);
        Entry entry = entry(code, catalog);
        List<Amendment> amendments = amendments(request.amendments(), catalog);
        for (Amendment a : amendments) {
            if (!a.jurisdiction().equals(entry.data().code())) {
                throw new IllegalArgumentException("amendment " + a.path() + " amends " + a.jurisdiction()
                        + ", not " + entry.data().code());
            }
        }
        return run(editionPack, entry, request.asOf(), changesFor(entry.data().code(), amendments));
    }

    /**
     * Reads and checks amendment files against {@code catalog}; nothing is applied.
     *
     * @return every problem, located by file (as given), line and column
     */
    public static AmendmentReader.Result readAmendments(List<AmendmentFile> files, Catalog catalog) {
        return AmendmentReader.read(files, code -> catalog.jurisdiction(code).map(Entry::data),
                catalog.jurisdictions().keySet());
    }

    private static List<Amendment> amendments(List<AmendmentFile> files, Catalog catalog) {
        if (files.isEmpty()) {
            return List.of();
        }
        AmendmentReader.Result read = readAmendments(files, catalog);
        if (!read.ok()) {
            List<String> errors = read.problems().stream().filter(p -> p.severity() == PackProblem.Severity.ERROR)
                    .map(PackProblem::format).toList();
            throw new IllegalArgumentException("invalid amendment: " + errors.get(0)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error(s))" : ""));
        }
        return read.amendments();
    }

    private static List<Amendment.Change> changesFor(String code, List<Amendment> amendments) {
        List<Amendment.Change> out = new ArrayList<>();
        amendments.stream().filter(a -> a.jurisdiction().equals(code)).forEach(a -> out.addAll(a.changes()));
        return out;
    }

    private JurisdictionRun run(LoadedPack editionPack, Entry entry, LocalDate asOf, List<Amendment.Change> changes) {
        ModelLawEdition edition = editionPack.content().edition();
        JurisdictionData recorded = entry.data();
        Session baseline = session(editionPack, entry, recorded, asOf);
        List<Assessment> base = decide(edition, recorded, baseline.outcome(), asOf);
        if (changes.isEmpty()) {
            return new JurisdictionRun(result(entry, recorded, base, asOf), baseline.outcome(), recorded, Map.of());
        }
        AmendedLaw law = AmendedLaw.apply(recorded, changes, asOf);
        Session amended = session(editionPack, entry, law.data(), asOf);
        List<Assessment> after = decide(edition, law.data(), amended.outcome(), asOf);
        List<Assessment> compared = new ArrayList<>();
        for (int i = 0; i < edition.criteria().size(); i++) {
            Criterion criterion = edition.criteria().get(i);
            Assessment rulesBefore = null;
            Assessment rulesAfter = null;
            if (WhatIfs.needsRulesAlone(after.get(i))) {
                rulesBefore = decide(criterion, edition.edition(), WhatIfs.rulesOnly(recorded), baseline.outcome(), asOf);
                rulesAfter = decide(criterion, edition.edition(), WhatIfs.rulesOnly(law.data()), amended.outcome(), asOf);
            }
            compared.add(WhatIfs.compare(new WhatIfs.Pair(base.get(i), after.get(i), rulesBefore, rulesAfter), law));
        }
        return new JurisdictionRun(result(entry, law.data(), compared, asOf), amended.outcome(), law.data(),
                law.hypothetical());
    }

    private record Session(RuleRun.Outcome outcome) {
    }

    private Session session(LoadedPack editionPack, Entry entry, JurisdictionData data, LocalDate asOf) {
        Map<String, String> rulePacks = new HashMap<>();
        Map<String, String> ruleFiles = new HashMap<>();
        for (LoadedPack pack : List.of(editionPack, entry.pack())) {
            rulePacks.put(pack.rules().packageName(), pack.id());
            pack.rules().ruleFiles().forEach((rule, at) -> ruleFiles.put(pack.id() + ": " + rule, at));
        }
        ModelLawEdition edition = editionPack.content().edition();
        return new Session(RuleRun.run(base(editionPack, entry.pack()), rulePacks, ruleFiles,
                () -> joins(List.of(editionPack, entry.pack()), data, edition), edition, data, asOf, budget));
    }

    private static List<Assessment> decide(ModelLawEdition edition, JurisdictionData data, RuleRun.Outcome outcome,
                                           LocalDate asOf) {
        List<Assessment> out = new ArrayList<>();
        for (Criterion criterion : edition.criteria()) {
            out.add(decide(criterion, edition.edition(), data, outcome, asOf));
        }
        return out;
    }

    private static Assessment decide(Criterion criterion, String edition, JurisdictionData data,
                                     RuleRun.Outcome outcome, LocalDate asOf) {
        return Undecided.refine(Verdicts.decide(criterion, edition, asOf, data, outcome.findings()), criterion,
                edition, asOf, data, outcome.findings());
    }

    private static JurisdictionResult result(Entry entry, JurisdictionData data, List<Assessment> assessments,
                                             LocalDate asOf) {
        List<String> inForce = data.instruments().stream().filter(i -> i.inForceOn(asOf))
                .map(Instrument::id).sorted().toList();
        return new JurisdictionResult(data.code(), data.jurisdiction().name(), entry.pack().id(), assessments, inForce,
                unverified(assessments, data));
    }

    /** How many combined KieBases are cached (one per pair of pack hashes); amendments never add one. */
    public int cachedRuleBases() {
        return bases.size();
    }

    /** Each rule's join bound for this jurisdiction's facts, to name the likely rule when matching overruns. */
    private static Map<String, Long> joins(List<LoadedPack> packs, JurisdictionData data, ModelLawEdition edition) {
        RuleContext.FactCounts counts = RuleContext.FactCounts.of(data, edition.criteria().size());
        Map<String, Long> joins = new HashMap<>();
        for (LoadedPack pack : packs) {
            pack.rules().ruleFiles().keySet().forEach(rule -> joins.put(pack.id() + ": " + rule,
                    pack.rules().joins(rule, counts)));
        }
        return joins;
    }

    /** Drops cached KieBases; call when the set of serving packs changes. */
    public void forget() {
        bases.clear();
    }

    /**
     * Drops the cached KieBases that combine a pack no longer in {@code serving}, and keeps the others: a swap of one
     * pack does not make every other pack's readers rebuild theirs.
     */
    public void retain(Collection<LoadedPack> serving) {
        Set<String> hashes = new java.util.HashSet<>();
        serving.forEach(p -> hashes.add(p.ref().sha256()));
        bases.keySet().removeIf(key -> {
            String[] pair = key.split("\\+");
            return !hashes.contains(pair[0]) || !hashes.contains(pair[1]);
        });
    }

    private static LoadedPack editionPack(String edition, Catalog catalog) {
        return catalog.edition(edition).orElseThrow(() -> new IllegalArgumentException(
                "no model-law pack for edition " + edition + " is loaded; loaded editions: "
                        + catalog.editions().keySet()));
    }

    private static Entry entry(String code, Catalog catalog) {
        return catalog.jurisdiction(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown jurisdiction \"" + code + "\"; loaded: " + String.join(", ", catalog.jurisdictions().keySet())));
    }

    private InternalKnowledgeBase base(LoadedPack edition, LoadedPack jurisdiction) {
        String key = edition.ref().sha256() + "+" + jurisdiction.ref().sha256();
        return bases.computeIfAbsent(key, k -> {
            ClassLoader loader = Engine.class.getClassLoader();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                        RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
                base.addPackages(edition.rules().packages());
                if (!jurisdiction.id().equals(edition.id())) {
                    base.addPackages(jurisdiction.rules().packages());
                }
                return base;
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }

    /**
     * Readable notes on the unverified facts the verdicts rest on, in a stable order: the provisions relied on, the
     * instruments they belong to and the amending instruments that inserted them, and the interpretations that
     * decided a criterion.
     */
    private static List<String> unverified(List<Assessment> assessments, JurisdictionData data) {
        Set<String> notes = new TreeSet<>();
        Map<String, Instrument> instruments = new HashMap<>();
        data.instruments().forEach(i -> instruments.put(i.id(), i));
        Map<String, org.lexgap.api.model.Provision> provisions = new HashMap<>();
        data.provisions().forEach(p -> provisions.put(p.id(), p));
        for (Assessment a : assessments) {
            for (Evidence e : a.evidence()) {
                org.lexgap.api.model.Provision p = provisions.get(e.provision());
                if (p != null && !p.verified()) {
                    notes.add(e.citation() + ": the section or its content is not verified");
                }
                Instrument i = instruments.get(e.instrument());
                note(notes, i);
                if (p != null && p.insertedBy() != null) {
                    note(notes, instruments.get(p.insertedBy()));
                }
            }
            if (a.interpretation() != null && !a.interpretation().verified()) {
                notes.add("interpretation " + a.interpretation().id() + " (" + a.criterion() + "): not verified");
            }
        }
        return new ArrayList<>(notes);
    }

    private static void note(Set<String> notes, Instrument i) {
        if (i != null && !i.verified()) {
            notes.add(i.citation() + ": " + (i.note() == null ? "not verified" : i.note()));
        }
    }
}
