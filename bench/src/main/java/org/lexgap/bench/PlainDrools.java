package org.lexgap.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Finding;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Status;
import org.lexgap.core.engine.NaturalOrder;
import org.lexgap.core.pack.JurisdictionData;

/**
 * The first reference: the packs' DRL, unchanged but for the package and import lines Lexgap's compiler gives every
 * pack, compiled by Drools on a flat classpath (no Felix, no allow-list, no budgets), and one session per
 * jurisdiction fed the same facts in the same order as Lexgap's (the jurisdiction, the criteria by number, each
 * provision in force by id with its elements); its findings go through the same verdict precedence.
 */
public final class PlainDrools {
    private final InternalKnowledgeBase base;

    private PlainDrools(InternalKnowledgeBase base) {
        this.base = base;
    }

    /** Compiles every DRL file of {@code law} into one KieBase. */
    public static PlainDrools compile(Law law) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        law.drl().forEach((file, text) -> {
            String pack = "lexgap.pack." + file.substring(0, file.indexOf('/')).replace('-', '_');
            String drl = "package " + pack + ";\nimport org.lexgap.api.model.*;\nimport java.time.LocalDate;\n" + text;
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(file),
                    ResourceType.DRL);
        });
        if (builder.hasErrors()) {
            throw new IllegalStateException("the DRL does not compile on plain Drools: " + builder.getErrors());
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return new PlainDrools(base);
    }

    public List<Verdict> assess(ModelLawEdition edition, JurisdictionData data, LocalDate asOf) {
        KieSession session = base.newKieSession();
        Map<String, TreeSet<String>> met = new HashMap<>();
        try {
            session.insert(data.jurisdiction());
            edition.criteria().stream().sorted(Comparator.comparingInt(Criterion::number)).forEach(session::insert);
            data.provisions().stream().filter(p -> p.inForceOn(asOf)).sorted(Comparator.comparing(Provision::id))
                    .forEach(p -> {
                        session.insert(p);
                        p.elements().forEach(session::insert);
                    });
            session.fireAllRules();
            for (Object fact : session.getObjects(o -> o instanceof Finding)) {
                Finding f = (Finding) fact;
                if (f.status() == Status.MET && f.jurisdiction().equals(data.code())) {
                    met.computeIfAbsent(f.criterion(), c -> new TreeSet<>(NaturalOrder.INSTANCE)).add(f.provision());
                }
            }
        } finally {
            session.dispose();
        }
        return Verdicts.decide(edition, data, asOf, met);
    }
}
