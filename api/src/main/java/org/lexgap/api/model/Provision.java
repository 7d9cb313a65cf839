package org.lexgap.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A section or article of an instrument, with the legal elements it states.
 *
 * @param id           pack-unique id, for example {@code PH-RA9775-s4}
 * @param jurisdiction jurisdiction code
 * @param instrument   id of the instrument it belongs to
 * @param section      the section as the instrument numbers it, for example {@code s. 4(l)}
 * @param insertedBy   id of the amending instrument that inserted it, or {@code null}
 * @param summary      what it says, in our own words
 * @param inForce      in-force date (the instrument's unless the provision started later), or {@code null}
 * @param repealed     repeal date (the instrument's unless repealed earlier), or {@code null}
 * @param source       where the provision was read
 * @param verified     whether the section number and content were checked against a source
 * @param elements     the legal elements the provision states
 */
public record Provision(String id, String jurisdiction, String instrument, String section, String insertedBy,
                        String summary,
                        LocalDate inForce, LocalDate repealed, String source, boolean verified,
                        List<LegalElement> elements) {
    public Provision {
        elements = List.copyOf(elements);
    }

    /** True when the provision is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return InForce.between(inForce, repealed, date);
    }
}
