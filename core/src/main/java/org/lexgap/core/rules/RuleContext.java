package org.lexgap.core.rules;

import java.util.List;
import java.util.Set;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Finding;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.Provision;
import org.lexgap.core.pack.JurisdictionData;

/**
 * What the rule checks need to know about where a pack's rules will run.
 *
 * @param criteria  the criterion ids a rule may name; empty to skip that check
 * @param facts     the fact counts of each jurisdiction the rules will see, for the join bound
 * @param joinLimit the most fact combinations one rule may build ({@link RuleBudget#joinLimit()})
 */
public record RuleContext(Set<String> criteria, List<FactCounts> facts, long joinLimit) {
    public RuleContext {
        criteria = Set.copyOf(criteria);
        facts = List.copyOf(facts);
    }

    /**
     * How many facts of each type one jurisdiction's session holds: its provisions and their legal elements (all
     * of them, whatever their dates), the edition's criteria, one jurisdiction, and findings counted as one per
     * criterion and element plus one per criterion, more than the shipped rules ever insert. A pattern that
     * compares a key with one value counts what that key can match: one provision for {@code id == ...}, the
     * elements of one provision for {@code provision == ...}, the findings of one criterion for
     * {@code criterion == ...}.
     */
    public record FactCounts(String jurisdiction, int criteria, int provisions, int elements, int elementsPerProvision) {
        public static FactCounts of(JurisdictionData data, int criteria) {
            return new FactCounts(data.code(), criteria, data.provisions().size(),
                    data.provisions().stream().mapToInt(p -> p.elements().size()).sum(),
                    data.provisions().stream().mapToInt(p -> p.elements().size()).max().orElse(0));
        }

        /** The most facts of {@code type} whose {@code field} equals one given value. */
        long perKey(Class<?> type, String field) {
            if (type == Jurisdiction.class || type == Provision.class && field.equals("id")
                    || type == Criterion.class && field.equals("id")) {
                return 1;
            }
            if (type == LegalElement.class && field.equals("provision")) {
                return elementsPerProvision;
            }
            if (type == Finding.class && field.equals("criterion")) {
                return elements + 1L;
            }
            if (type == Finding.class && field.equals("provision")) {
                return (long) criteria * elementsPerProvision;
            }
            return count(type);
        }

        long count(Class<?> type) {
            if (type == Jurisdiction.class) {
                return 1;
            }
            if (type == Criterion.class) {
                return criteria;
            }
            if (type == Provision.class) {
                return provisions;
            }
            if (type == LegalElement.class) {
                return elements;
            }
            if (type == Finding.class) {
                return (long) criteria * (elements + 1);
            }
            return 1;
        }
    }
}
