package org.lexgap.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lexgap.api.model.AmendmentChange;
import org.lexgap.api.model.AmendmentRef;
import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;

/**
 * The recorded law and the amended law side by side, for a report made with what-if amendments.
 *
 * @param baseline   the analysis of the recorded law alone
 * @param amendments the amendment files applied, in order
 * @param rows       per jurisdiction the amendments apply to, one row per criterion
 * @param changed    the rows whose verdict differs, in jurisdiction then criterion order
 * @param files      the amendments as a reader sees them named: {@code file ("title")}, joined
 */
public record WhatIfView(GapAnalysis baseline, List<AmendmentRef> amendments, List<Row> rows, List<Row> changed,
                         String files) {

    /**
     * One criterion of one amended jurisdiction.
     *
     * @param changes the amendment changes behind the hypothetical verdict or its evidence
     */
    public record Row(String jurisdiction, String name, int number, String criterion, String question,
                      Status recorded, String recordedLabel, String recordedClass, Status amended, String amendedLabel,
                      String amendedClass, boolean changed, String recordedReason, String amendedReason,
                      List<AmendmentChange> changes) {
    }

    static WhatIfView of(GapAnalysis amended, GapAnalysis baseline, Map<String, String> text) {
        List<Row> rows = new ArrayList<>();
        for (JurisdictionResult j : amended.jurisdictions()) {
            if (!j.hypothetical()) {
                continue;
            }
            for (int i = 0; i < j.criteria().size(); i++) {
                Assessment a = j.criteria().get(i);
                Criterion c = amended.criteria().get(i);
                Status before = a.whatIf().baseline();
                rows.add(new Row(j.code(), j.name(), c.number(), c.id(), c.question(), before,
                        text.get("status." + before), css(before), a.status(), text.get("status." + a.status()),
                        css(a.status()), a.changedByAmendment(), a.whatIf().baselineReason(), a.reason(),
                        a.whatIf().changes()));
            }
        }
        return new WhatIfView(baseline, amended.provenance().amendments(), rows,
                rows.stream().filter(Row::changed).toList(), String.join("; ", amended.provenance().amendments().stream()
                        .map(a -> a.file() + " (\"" + a.title() + "\")").toList()));
    }

    static String css(Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
