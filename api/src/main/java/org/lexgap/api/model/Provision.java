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
 * @param inForceBasis what {@code inForce} is, as for {@link Instrument#inForceBasis()}
 * @param retrieved    when the source was read, or {@code null}
 */
public record Provision(String id, String jurisdiction, String instrument, String section, String insertedBy,
                        String summary,
                        LocalDate inForce, LocalDate repealed, String source, boolean verified,
                        List<LegalElement> elements, String inForceBasis, LocalDate retrieved) {
    public Provision {
        elements = List.copyOf(elements);
        inForceBasis = inForceBasis == null ? Instrument.STATED_IN_FORCE : inForceBasis;
    }

    /** As in api 1.0: the in-force date is stated by the source, retrieval date unknown. */
    public Provision(String id, String jurisdiction, String instrument, String section, String insertedBy,
                     String summary, LocalDate inForce, LocalDate repealed, String source, boolean verified,
                     List<LegalElement> elements) {
        this(id, jurisdiction, instrument, section, insertedBy, summary, inForce, repealed, source, verified,
                elements, null, null);
    }

    /** True when the provision is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return InForce.between(inForce, repealed, date);
    }
}
