package org.lexgap.core.render;

import java.util.List;

import org.lexgap.api.model.AmendmentRef;
import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.PackRef;
import org.lexgap.api.model.Status;

/** The readable terminal form: per jurisdiction, one block per criterion with its evidence or the gap. */
final class TextReport {
    private TextReport() {
    }

    static String render(GapAnalysis analysis) {
        StringBuilder out = new StringBuilder();
        out.append(analysis.edition().title()).append('\n');
        out.append("Law as of ").append(analysis.provenance().asOf()).append('\n');
        if (analysis.hypothetical()) {
            out.append(Hypotheticals.BANNER).append(": ").append(Hypotheticals.files(analysis.provenance().amendments()))
                    .append('\n');
        }
        for (JurisdictionResult j : analysis.jurisdictions()) {
            out.append('\n').append(j.name()).append(" (").append(j.code()).append("): ").append(j.metCount())
                    .append(" of ").append(j.criteria().size()).append(" criteria met");
            if (j.hypothetical()) {
                long before = j.criteria().stream().filter(a -> a.whatIf().baseline() == Status.MET).count();
                out.append(" (hypothetical; ").append(before).append(" on the recorded law)");
            }
            out.append('\n');
            for (int i = 0; i < j.criteria().size(); i++) {
                Assessment a = j.criteria().get(i);
                Criterion c = analysis.criteria().get(i);
                out.append(String.format("  %d. %-22s %-8s %s%n", c.number(), c.id(), mark(a.status()),
                        c.question()));
                if (a.interpretation() != null) {
                    out.append("       interpretation ").append(a.interpretation().id()).append(": ")
                            .append(a.reason()).append('\n');
                    out.append("       source: ").append(a.interpretation().source())
                            .append(a.interpretation().verified() ? "" : " [unverified]").append('\n');
                } else if (a.rule() != null) {
                    out.append("       rule: ").append(a.rule()).append('\n');
                }
                if (a.whatIf() != null && (a.changedByAmendment() || !a.whatIf().changes().isEmpty())) {
                    out.append("       hypothetical: ").append(a.changedByAmendment()
                            ? "was " + mark(a.whatIf().baseline()) + " on the recorded law; changed by "
                            : "also rests on ").append(Hypotheticals.changes(a.whatIf().changes())).append('\n');
                }
                for (Evidence e : a.evidence()) {
                    out.append("       - ").append(e.citation()).append(", in force ").append(e.inForce())
                            .append(basis(e.inForceBasis())).append(e.verified() ? "" : " [unverified]")
                            .append(e.hypothetical() == null ? "" : " [hypothetical: " + e.hypothetical().ref() + "]")
                            .append('\n');
                    out.append("         ").append(e.source())
                            .append(e.retrieved() == null ? "" : " (retrieved " + e.retrieved() + ")").append('\n');
                }
                if (a.status() == Status.NOT_MET) {
                    out.append("       gap: ").append(a.reason()).append('\n');
                    out.append("       model law: ").append(c.recommendation()).append('\n');
                } else if (a.status() == Status.UNKNOWN) {
                    out.append("       unknown: ").append(a.reason()).append('\n');
                }
            }
            if (!j.unverified().isEmpty()) {
                out.append("  Unverified facts:\n");
                j.unverified().forEach(u -> out.append("    - ").append(u).append('\n'));
            }
        }
        out.append('\n').append(provenance(analysis.provenance().packs(), analysis)).append('\n');
        return out.toString();
    }

    static String provenance(List<PackRef> packs, GapAnalysis analysis) {
        StringBuilder out = new StringBuilder("Provenance: Lexgap ").append(analysis.provenance().lexgapVersion())
                .append(", edition ").append(analysis.provenance().edition()).append(", as of ")
                .append(analysis.provenance().asOf());
        for (PackRef p : packs) {
            out.append("\n  pack ").append(p.id()).append(' ').append(p.version()).append(" sha256:").append(p.sha256())
                    .append(' ').append(PackListing.signer(p.signer(), p.signerKey()));
        }
        List<String> unsigned = packs.stream().filter(p -> !p.signed()).map(PackRef::id).toList();
        if (!unsigned.isEmpty()) {
            out.append("\n").append(unsignedWarning(unsigned));
        }
        for (AmendmentRef a : analysis.provenance().amendments()) {
            out.append("\n  amendment ").append(a.file()).append(" sha256:").append(a.sha256()).append(" \"")
                    .append(a.title()).append("\" (hypothetical, ").append(a.jurisdiction()).append(')');
        }
        return out.toString();
    }

    /** What an in-force date is when the source does not state it as the start (see inForceBasis). */
    static String basis(String basis) {
        return switch (basis == null ? "in-force" : basis) {
            case "in-force" -> "";
            case "floor" -> " (in force at least from this date; it began earlier)";
            case "lapse-into-law" -> " (date it lapsed into law; commencement not verified)";
            default -> " (" + basis + " date; commencement not verified)";
        };
    }

    /** The line every text form that used unsigned packs ends its provenance with. */
    static String unsignedWarning(List<String> unsigned) {
        return "WARNING: UNSIGNED pack(s) used: " + String.join(", ", unsigned)
                + ". No trusted key vouches for their content.";
    }

    static String mark(Status status) {
        return switch (status) {
            case MET -> "MET";
            case NOT_MET -> "NOT MET";
            case UNKNOWN -> "UNKNOWN";
        };
    }
}
