package org.lexgap.api.model;

import java.util.List;

/**
 * The gap analysis of one jurisdiction.
 *
 * @param code       jurisdiction code
 * @param name       jurisdiction name
 * @param pack       id of the pack that holds its law
 * @param criteria   one assessment per criterion, in the edition's order
 * @param inForce    ids of the instruments in force on the as-of date, in id order
 * @param unverified human-readable notes on the unverified facts the verdicts rest on
 */
public record JurisdictionResult(String code, String name, String pack, List<Assessment> criteria,
                                 List<String> inForce, List<String> unverified) {
    public JurisdictionResult {
        criteria = List.copyOf(criteria);
        inForce = List.copyOf(inForce);
        unverified = List.copyOf(unverified);
    }

    /** True when amendments apply to this jurisdiction: its verdicts are hypothetical. */
    public boolean hypothetical() {
        return criteria.stream().anyMatch(a -> a.whatIf() != null);
    }

    /** The number of criteria met. */
    public long metCount() {
        return criteria.stream().filter(a -> a.status() == Status.MET).count();
    }
}
