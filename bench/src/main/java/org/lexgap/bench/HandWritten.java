package org.lexgap.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.Provision;
import org.lexgap.core.engine.NaturalOrder;
import org.lexgap.core.pack.JurisdictionData;

/**
 * The reference a programmer would write instead of rules: the six checks of the 8th edition's DRL
 * (rulepacks/model-law-8/src/main/pack/rules/criteria.drl), one {@code if} each, over the legal elements of the
 * provisions in force on the date, followed by the same verdict precedence ({@link Verdicts}). No sessions, no
 * sandbox, no trace.
 */
public final class HandWritten {
    private HandWritten() {
    }

    public static List<Verdict> assess(ModelLawEdition edition, JurisdictionData data, LocalDate asOf) {
        Map<String, TreeSet<String>> met = new HashMap<>();
        for (Provision p : data.provisions()) {
            if (!p.inForceOn(asOf)) {
                continue;
            }
            for (LegalElement e : p.elements()) {
                boolean offence = "offence".equals(e.type()) && "csam".equals(e.subject());
                boolean definition = "csam-definition".equals(e.type());
                boolean duty = "duty".equals(e.type()) && ("isp".equals(e.bearer()) || "content-host".equals(e.bearer()));
                boolean aggravatedObscenity = "offence".equals(e.type()) && "obscene-material".equals(e.subject())
                        && "child-victim".equals(e.aggravation());
                if (offence || aggravatedObscenity) {
                    add(met, "specific_legislation", p);
                }
                if (definition) {
                    add(met, "definition", p);
                }
                if ((offence || definition) && "computer".equals(e.medium())) {
                    add(met, "computer_facilitated", p);
                }
                if (offence && "possess".equals(e.conduct())
                        && ("none".equals(e.intent()) || "sexual-purpose".equals(e.intent()))) {
                    add(met, "simple_possession", p);
                }
                if (duty && "report".equals(e.action())) {
                    add(met, "isp_reporting", p);
                }
                if (duty && ("retain".equals(e.action()) || "preserve".equals(e.action()))) {
                    add(met, "data_retention", p);
                }
            }
        }
        return Verdicts.decide(edition, data, asOf, met);
    }

    private static void add(Map<String, TreeSet<String>> met, String criterion, Provision p) {
        met.computeIfAbsent(criterion, c -> new TreeSet<>(NaturalOrder.INSTANCE)).add(p.id());
    }
}
