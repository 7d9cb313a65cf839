package org.lexgap.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lexgap.api.model.GlobalResults;
import org.lexgap.core.render.Hypotheticals;
import org.lexgap.core.render.JsonTrees;

/** The JSON form of a report; its shape is docs/schema/report.schema.json. */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    static String render(ReportModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("report", model.kind());
        root.put("title", model.title());
        root.put("lang", model.request().lang());
        root.put("asOf", model.analysis().provenance().asOf().toString());
        root.put("compareWith", model.before() == null ? null : model.before().provenance().asOf().toString());
        if (model.whatIf() != null) {
            root.put("hypothetical", true);
            root.put("hypotheticalNotice", model.text().get("hypothetical.banner").replace("{files}",
                    model.whatIf().files()));
            root.set("amendments", Hypotheticals.amendments(model.whatIf().amendments()));
        }
        if (model.editions() != null) {
            root.put("compareEdition", model.editions().other().edition().edition());
        }
        if (model.aggregates() != null) {
            root.set("aggregates", aggregates(model.aggregates()));
            if (model.whatIf() != null) {
                root.set("aggregatesRecordedLaw", aggregates(model.aggregatesBefore()));
            } else {
                root.set("aggregatesCompareWith", model.aggregatesBefore() == null ? null : aggregates(model.aggregatesBefore()));
            }
            if (model.global() != null) {
                root.set("globalResults", global(model.global()));
            }
        }
        if (model.comparison() != null) {
            ArrayNode changes = root.putArray("changes");
            for (Comparison.Change c : model.comparison().changes()) {
                ObjectNode n = changes.addObject();
                n.put("jurisdiction", c.jurisdiction());
                n.put("criterion", c.criterion());
                n.put("before", c.before().name());
                n.put("after", c.after().name());
                c.drivers().forEach(n.putArray("drivers")::add);
            }
        }
        if (model.whatIf() != null) {
            ArrayNode rows = root.putArray("whatIf");
            for (WhatIfView.Row r : model.whatIf().rows()) {
                ObjectNode n = rows.addObject();
                n.put("jurisdiction", r.jurisdiction());
                n.put("criterion", r.criterion());
                n.put("recordedLaw", r.recorded().name());
                n.put("hypothetical", r.amended().name());
                n.put("changed", r.changed());
                ArrayNode changes = n.putArray("changes");
                r.changes().forEach(c -> changes.add(Hypotheticals.change(c)));
            }
        }
        if (model.editions() != null) {
            EditionComparison e = model.editions();
            ObjectNode n = root.putObject("editionComparison");
            ArrayNode criteria = n.putArray("criteria");
            for (EditionComparison.CriterionPair c : e.criteria()) {
                ObjectNode x = criteria.addObject();
                x.put("id", c.id());
                x.put("number", c.number());
                x.put("question", c.question());
                x.put("otherNumber", c.otherNumber());
                x.put("otherQuestion", c.otherQuestion());
                x.put("change", c.change());
            }
            ArrayNode verdicts = n.putArray("verdicts");
            for (EditionComparison.VerdictPair v : e.verdicts()) {
                ObjectNode x = verdicts.addObject();
                x.put("jurisdiction", v.jurisdiction());
                x.put("criterion", v.criterion());
                x.put("status", v.status() == null ? null : v.status().name());
                x.put("otherStatus", v.otherStatus() == null ? null : v.otherStatus().name());
                x.put("differs", v.differs());
                x.put("why", v.why());
            }
        }
        root.set("assessment", JsonTrees.analysis(model.analysis()));
        if (model.before() != null) {
            root.set("assessmentCompareWith", JsonTrees.analysis(model.before()));
        }
        if (model.whatIf() != null) {
            root.set("assessmentRecordedLaw", JsonTrees.analysis(model.whatIf().baseline()));
        }
        if (model.editions() != null) {
            root.set("assessmentCompareEdition", JsonTrees.analysis(model.editions().other()));
        }
        return JsonTrees.write(root);
    }

    private static ObjectNode global(GlobalResults g) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("countriesReviewed", g.countriesReviewed());
        n.put("sufficientCriteria1to4", g.sufficient());
        n.put("metFirstFive", g.firstFive());
        n.put("met1to4NotIspReporting", g.sufficientNotIspReporting());
        n.put("noSpecificLegislation", g.noSpecificLegislation());
        n.put("dataRetention", g.dataRetention());
        ObjectNode rest = n.putObject("ofThoseWithSpecificLegislation");
        rest.put("noDefinition", g.noDefinition());
        rest.put("noComputerFacilitated", g.noComputerFacilitated());
        rest.put("noSimplePossession", g.noSimplePossession());
        n.put("source", g.source());
        n.put("verified", g.verified());
        return n;
    }

    private static ObjectNode aggregates(Aggregates a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("jurisdictions", a.jurisdictions());
        n.put("sufficientCriteria1to4", a.sufficient());
        n.put("metFirstFive", a.firstFive());
        n.put("met1to4NotIspReporting", a.sufficientNotIspReporting());
        n.put("noSpecificLegislation", a.noSpecificLegislation());
        if (a.dataRetention() != null) {
            n.put("dataRetention", a.dataRetention());
        }
        ObjectNode rest = n.putObject("ofThoseWithSpecificLegislation");
        rest.put("count", a.withSpecificLegislation());
        rest.put("noDefinition", a.noDefinition());
        rest.put("noComputerFacilitated", a.noComputerFacilitated());
        rest.put("noSimplePossession", a.noSimplePossession());
        n.put("withNoData", a.withNoData());
        return n;
    }
}
