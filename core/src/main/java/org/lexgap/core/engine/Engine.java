package org.lexgap.core.engine;

import java.util.ArrayList;
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

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackRef;
import org.lexgap.api.model.Provenance;
import org.lexgap.api.model.Region;
import org.lexgap.core.engine.Catalog.Entry;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.rules.RuleBudget;
import org.lexgap.core.rules.RuleContext;

/**
 * Evaluates jurisdictions against a model-law edition as of a date, over one {@link Catalog} snapshot. Each
 * jurisdiction runs in its own session over a KieBase combining the edition's rules and its pack's rules; those
 * KieBases are cached per pair of pack versions.
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
    public RuleBudget budget() {
        return budget;
    }

    /** What one jurisdiction's evaluation produced, with the session's trace for explanations. */
    public record JurisdictionRun(JurisdictionResult result, RuleRun.Outcome outcome) {
    }

    public GapAnalysis assess(AssessmentRequest request, Catalog catalog) {
        LoadedPack editionPack = editionPack(request.edition(), catalog);
        ModelLawEdition edition = editionPack.content().edition();
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
        Set<PackRef> used = new TreeSet<>(Comparator.comparing(PackRef::id));
        used.add(editionPack.ref());
        List<JurisdictionResult> results = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            Entry entry = entry(code, catalog);
            used.add(entry.pack().ref());
            results.add(run(editionPack, entry, request).result());
        }
        return new GapAnalysis(edition, edition.criteria(), region, results,
                new Provenance(version, edition.edition(), request.asOf(), new ArrayList<>(used)));
    }

    /** Evaluates one jurisdiction and keeps the session's trace. */
    public JurisdictionRun run(String code, AssessmentRequest request, Catalog catalog) {
        return run(editionPack(request.edition(), catalog), entry(code, catalog), request);
    }

    private JurisdictionRun run(LoadedPack editionPack, Entry entry, AssessmentRequest request) {
        ModelLawEdition edition = editionPack.content().edition();
        JurisdictionData data = entry.data();
        Map<String, String> rulePacks = new HashMap<>();
        Map<String, String> ruleFiles = new HashMap<>();
        for (LoadedPack pack : List.of(editionPack, entry.pack())) {
            rulePacks.put(pack.rules().packageName(), pack.id());
            pack.rules().ruleFiles().forEach((rule, at) -> ruleFiles.put(pack.id() + ": " + rule, at));
        }
        RuleRun.Outcome outcome = RuleRun.run(base(editionPack, entry.pack()), rulePacks, ruleFiles,
                () -> joins(List.of(editionPack, entry.pack()), data, edition), edition, data, request.asOf(), budget);
        List<Assessment> assessments = new ArrayList<>();
        for (Criterion criterion : edition.criteria()) {
            assessments.add(Verdicts.decide(criterion, edition.edition(), request.asOf(), data, outcome.findings()));
        }
        List<String> inForce = data.instruments().stream().filter(i -> i.inForceOn(request.asOf()))
                .map(Instrument::id).sorted().toList();
        JurisdictionResult result = new JurisdictionResult(data.code(), data.jurisdiction().name(), entry.pack().id(),
                assessments, inForce, unverified(assessments, data));
        return new JurisdictionRun(result, outcome);
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
                if (jurisdiction != edition) {
                    base.addPackages(jurisdiction.rules().packages());
                }
                return base;
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }

    /** Readable notes on the unverified facts the verdicts rest on, in a stable order. */
    private static List<String> unverified(List<Assessment> assessments, JurisdictionData data) {
        Set<String> notes = new TreeSet<>();
        Map<String, Instrument> instruments = new HashMap<>();
        data.instruments().forEach(i -> instruments.put(i.id(), i));
        for (Assessment a : assessments) {
            for (Evidence e : a.evidence()) {
                if (!e.verified()) {
                    notes.add(e.citation() + ": the section or its content is not verified");
                }
                Instrument i = instruments.get(e.instrument());
                if (!i.verified()) {
                    notes.add(i.citation() + ": " + (i.note() == null ? "not verified" : i.note()));
                }
            }
            if (a.interpretation() != null && !a.interpretation().verified()) {
                notes.add("interpretation " + a.interpretation().id() + " (" + a.criterion() + "): not verified");
            }
        }
        return new ArrayList<>(notes);
    }
}
