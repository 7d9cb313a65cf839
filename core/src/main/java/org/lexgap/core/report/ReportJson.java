package org.lexgap.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lexgap.api.model.GlobalResults;
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
        if (model.aggregates() != null) {
            root.set("aggregates", aggregates(model.aggregates()));
            root.set("aggregatesCompareWith", model.aggregatesBefore() == null ? null : aggregates(model.aggregatesBefore()));
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
        root.set("assessment", JsonTrees.analysis(model.analysis()));
        if (model.before() != null) {
            root.set("assessmentCompareWith", JsonTrees.analysis(model.before()));
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
        n.put("dataRetention", a.dataRetention());
        ObjectNode rest = n.putObject("ofThoseWithSpecificLegislation");
        rest.put("count", a.withSpecificLegislation());
        rest.put("noDefinition", a.noDefinition());
        rest.put("noComputerFacilitated", a.noComputerFacilitated());
        rest.put("noSimplePossession", a.noSimplePossession());
        n.put("withNoData", a.withNoData());
        return n;
    }
}
