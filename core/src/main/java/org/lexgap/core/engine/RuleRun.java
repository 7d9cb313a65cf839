package org.lexgap.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Finding;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.Provision;
import org.lexgap.core.pack.JurisdictionData;

/**
 * One rule session for one jurisdiction: the law in force on the date goes in, the rules fire (at most
 * {@link #FIRE_LIMIT} times), and the findings come out with the rule that inserted each.
 */
public final class RuleRun {
    /** Far above what any real pack needs (a jurisdiction fires tens of rules); reaching it means a loop. */
    static final int FIRE_LIMIT = 10_000;

    /** A finding, the rule ({@code pack: name}) that inserted it, and the firing (1-based) during which it did. */
    public record RuledFinding(Finding finding, String rule, int firing) {
    }

    /** One rule firing, for traces. */
    public record Firing(int order, String rule, List<String> facts) {
    }

    /** What the session produced. */
    public record Outcome(List<Provision> inForce, List<RuledFinding> findings, List<Firing> firings) {
    }

    private RuleRun() {
    }

    static Outcome run(InternalKnowledgeBase base, Map<String, String> rulePacks, Map<String, String> ruleFiles,
                       ModelLawEdition edition, JurisdictionData data, LocalDate asOf) {
        List<Provision> inForce = data.provisions().stream().filter(p -> p.inForceOn(asOf))
                .sorted(Comparator.comparing(Provision::id)).toList();
        List<RuledFinding> findings = new ArrayList<>();
        List<Firing> firings = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        int[] current = {0};
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleRun.class.getClassLoader());
        KieSession session = base.newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getObject() instanceof Finding finding && event.getRule() != null) {
                        findings.add(new RuledFinding(finding, qualified(event.getRule(), rulePacks), current[0]));
                    }
                }
            });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                    current[0]++;
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = qualified(event.getMatch().getRule(), rulePacks);
                    counts.merge(rule, 1, Integer::sum);
                    if (firings.size() < 1000) {
                        firings.add(new Firing(current[0], rule, event.getMatch().getObjects().stream()
                                .map(RuleRun::describe).toList()));
                    }
                }
            });
            session.insert(data.jurisdiction());
            edition.criteria().stream().sorted(Comparator.comparingInt(Criterion::number)).forEach(session::insert);
            for (Provision provision : inForce) {
                session.insert(provision);
                provision.elements().forEach(session::insert);
            }
            int fired = session.fireAllRules(FIRE_LIMIT);
            if (fired >= FIRE_LIMIT) {
                Map.Entry<String, Integer> worst = counts.entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .orElseThrow();
                String name = worst.getKey().substring(worst.getKey().indexOf(": ") + 2);
                String where = ruleFiles.getOrDefault(worst.getKey(), "");
                throw new IllegalStateException("rules for " + data.code() + " stopped after " + FIRE_LIMIT
                        + " firings, which means a loop: rule \"" + name + "\"" + (where.isEmpty() ? "" : " at " + where)
                        + " fired " + worst.getValue() + " times (pack " + worst.getKey().substring(0,
                        worst.getKey().indexOf(": ")) + ")");
            }
        } finally {
            session.dispose();
            thread.setContextClassLoader(previous);
        }
        return new Outcome(inForce, findings, firings);
    }

    private static String qualified(org.kie.api.definition.rule.Rule rule, Map<String, String> rulePacks) {
        return rulePacks.getOrDefault(rule.getPackageName(), rule.getPackageName()) + ": " + rule.getName();
    }

    static String describe(Object fact) {
        if (fact instanceof LegalElement e) {
            return "element " + e.type() + " of " + e.provision();
        }
        if (fact instanceof Provision p) {
            return "provision " + p.id();
        }
        if (fact instanceof Criterion c) {
            return "criterion " + c.id();
        }
        if (fact instanceof Finding f) {
            return "finding " + f.criterion() + "=" + f.status();
        }
        if (fact instanceof org.lexgap.api.model.Jurisdiction j) {
            return "jurisdiction " + j.code();
        }
        return String.valueOf(fact);
    }
}
