package org.lexgap.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The trace behind one verdict: the law in force, the elements it states, the rules that fired in order, the
 * interpretation that applied, and the conclusion.
 *
 * @param assessment the verdict being explained
 * @param inForce    the provisions in force on the date, with their elements
 * @param firings    every rule firing of the session, in order, flagged when it bears on this criterion
 * @param findings   what each rule concluded about this criterion
 * @param because    the explanation in sentences, in order
 */
public record Explanation(String jurisdiction, String name, String criterion, String question, String edition,
                          LocalDate asOf, Assessment assessment, List<ProvisionTrace> inForce, List<Firing> firings,
                          List<String> findings, List<String> because) {
    public Explanation {
        inForce = List.copyOf(inForce);
        firings = List.copyOf(firings);
        findings = List.copyOf(findings);
        because = List.copyOf(because);
    }

    /**
     * A provision in force and the elements it states, each as {@code type(attribute=value, ...)}.
     *
     * @param hypothetical the amendment change that added or amended it, or {@code null} for recorded law
     */
    public record ProvisionTrace(String provision, String citation, LocalDate inForce, boolean verified,
                                 List<String> elements, AmendmentChange hypothetical) {
        public ProvisionTrace {
            elements = List.copyOf(elements);
        }

        /** As in api 1.1: recorded law. */
        public ProvisionTrace(String provision, String citation, LocalDate inForce, boolean verified,
                              List<String> elements) {
            this(provision, citation, inForce, verified, elements, null);
        }
    }

    /**
     * One rule firing.
     *
     * @param relevant whether it concluded something about the explained criterion
     */
    public record Firing(int order, String rule, List<String> matched, boolean relevant) {
        public Firing {
            matched = List.copyOf(matched);
        }
    }
}
