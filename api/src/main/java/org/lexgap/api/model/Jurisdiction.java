package org.lexgap.api.model;

import java.util.List;

/**
 * A country or territory whose law a pack records.
 *
 * @param code       ISO 3166-1 alpha-2 code, upper case (for example {@code PH})
 * @param name       English short name
 * @param unassessed criterion ids the pack's authors have not researched; these are reported as
 *                   {@link Status#UNKNOWN}, never as {@link Status#NOT_MET}
 */
public record Jurisdiction(String code, String name, List<String> unassessed) {
    public Jurisdiction {
        unassessed = List.copyOf(unassessed);
    }
}
