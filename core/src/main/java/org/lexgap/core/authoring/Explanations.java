package org.lexgap.core.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Basis;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Explanation;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Status;
import org.lexgap.api.model.WhatIf;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.RuleRun;

/** Builds the trace behind one verdict from a rule session's record of what fired and what it concluded. */
final class Explanations {
    private Explanations() {
    }

    static Explanation explain(Engine.JurisdictionRun run, Criterion criterion, String edition,
                               java.time.LocalDate asOf) {
        Assessment assessment = run.result().criteria().stream().filter(a -> a.criterion().equals(criterion.id()))
                .findFirst().orElseThrow();
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        run.data().instruments().forEach(i -> instruments.put(i.id(), i));
        List<Explanation.ProvisionTrace> inForce = new ArrayList<>();
        for (Provision p : run.outcome().inForce()) {
            inForce.add(new Explanation.ProvisionTrace(p.id(), instruments.get(p.instrument()).citation() + ", " + p.section(),
                    p.inForce(), p.verified(), p.elements().stream().map(Explanations::element).toList(),
                    run.hypothetical().get(p.id())));
        }
        Set<Integer> relevant = new TreeSet<>();
        List<String> findings = new ArrayList<>();
        for (RuleRun.RuledFinding f : run.outcome().findings()) {
            if (f.finding().criterion().equals(criterion.id())) {
                relevant.add(f.firing());
                findings.add("firing " + f.firing() + ": " + f.rule() + " concluded " + f.finding().status()
                        + (f.finding().provision() == null ? "" : " on " + f.finding().provision()) + ": " + f.finding().reason());
            }
        }
        List<Explanation.Firing> firings = run.outcome().firings().stream()
                .map(f -> new Explanation.Firing(f.order(), f.rule(), f.facts(), relevant.contains(f.order()))).toList();
        return new Explanation(run.result().code(), run.result().name(), criterion.id(), criterion.question(), edition,
                asOf, assessment, inForce, firings, findings, because(assessment, findings, inForce));
    }

    private static List<String> because(Assessment a, List<String> findings, List<Explanation.ProvisionTrace> inForce) {
        List<String> out = new ArrayList<>();
        long hypothetical = inForce.stream().filter(p -> p.hypothetical() != null).count();
        out.add(inForce.size() + " provision(s) were in force on the date; their legal elements were given to the rules."
                + (hypothetical == 0 ? "" : " " + hypothetical + " of them hypothetical (added or amended by an"
                + " amendment, not law)."));
        out.add(findings.isEmpty() ? "No rule concluded anything about this criterion."
                : findings.size() + " finding(s) about this criterion: " + String.join("; ", findings.stream()
                        .map(f -> f.substring(f.indexOf(": ") + 2, f.indexOf(" concluded "))).distinct().toList()) + ".");
        if (a.basis() == Basis.INTERPRETATION) {
            out.add("The recorded interpretation " + a.interpretation().id() + " applies to this edition and date, so it decides: "
                    + a.status() + ". " + a.reason() + " (source: " + a.interpretation().source() + ")");
            if (!a.ruleFindings().isEmpty()) {
                out.add("Without it, the rules found: " + String.join("; ", a.ruleFindings()) + ".");
            }
        } else if (a.basis() == Basis.NO_DATA) {
            out.add("Result " + a.status() + ": " + a.reason());
        } else if (a.status() == Status.UNKNOWN) {
            out.add("No rule found it met, and " + a.rule() + " found that the recorded elements leave it open: "
                    + a.reason());
        } else if (a.status() == Status.MET) {
            out.add("At least one rule found the criterion met, so it is MET, decided by " + a.rule() + ", on "
                    + a.evidence().size() + " provision(s).");
        } else {
            out.add("No rule found it met; " + a.rule() + " concluded NOT_MET: " + a.reason());
        }
        if (a.whatIf() != null) {
            WhatIf w = a.whatIf();
            out.add(a.status() == w.baseline()
                    ? "Hypothetical: with the amendments the verdict is still " + a.status() + "."
                    : "Hypothetical: the amendments change the verdict from " + w.baseline() + " (on the recorded law: "
                    + w.baselineReason() + ") to " + a.status() + ".");
            w.changes().forEach(c -> out.add("  amendment change " + c.ref() + " (" + c.kind() + " " + c.target()
                    + " from " + c.from() + "): " + c.title()));
        }
        return out;
    }

    private static String element(LegalElement e) {
        List<String> parts = new ArrayList<>();
        add(parts, "subject", e.subject());
        add(parts, "conduct", e.conduct());
        add(parts, "intent", e.intent());
        add(parts, "medium", e.medium());
        add(parts, "bearer", e.bearer());
        add(parts, "action", e.action());
        if (e.ageLimit() != null) {
            parts.add("ageLimit=" + e.ageLimit());
        }
        add(parts, "aggravation", e.aggravation());
        return e.type() + "(" + String.join(", ", parts) + ")";
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }
}
