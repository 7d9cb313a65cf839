package org.lexgap.api.model;

import java.time.LocalDate;

/**
 * A statute, code, decree or other legal instrument.
 *
 * @param id          pack-unique id, for example {@code PH-RA9775}
 * @param jurisdiction jurisdiction code
 * @param title       official short title
 * @param citation    how lawyers cite it, for example {@code Republic Act No. 9775}
 * @param enacted     date of enactment or approval, or {@code null} when not verified
 * @param inForce     date it came into force, or {@code null} when not known; an instrument without an in-force
 *                    date is recorded but never treated as in force
 * @param repealed    date it stopped being in force, or {@code null}
 * @param repealedBy  id of the repealing instrument, or {@code null}
 * @param source      where the facts above were read (URL or bibliographic reference)
 * @param verified    whether the facts above were checked against a primary or reliable secondary source
 * @param note        free text for readers, or {@code null}
 * @param inForceBasis what the {@code inForce} date is: {@code in-force} (the source states it as the date the
 *                    instrument took effect) or the event used in its place because that date was not verified
 *                    ({@code approval}, {@code assent}, {@code signing}, {@code promulgation}, {@code publication},
 *                    {@code lapse-into-law}), or {@code floor} (in force at least from then; it started earlier)
 * @param retrieved   when the source was read, or {@code null}
 */
public record Instrument(String id, String jurisdiction, String title, String citation, LocalDate enacted,
                         LocalDate inForce, LocalDate repealed, String repealedBy, String source, boolean verified,
                         String note, String inForceBasis, LocalDate retrieved) {

    /** The basis used when a pack does not state one: the source gives the in-force date itself. */
    public static final String STATED_IN_FORCE = "in-force";

    public Instrument {
        inForceBasis = inForceBasis == null ? STATED_IN_FORCE : inForceBasis;
    }

    /** As in api 1.0: the in-force date is stated by the source, retrieval date unknown. */
    public Instrument(String id, String jurisdiction, String title, String citation, LocalDate enacted,
                      LocalDate inForce, LocalDate repealed, String repealedBy, String source, boolean verified,
                      String note) {
        this(id, jurisdiction, title, citation, enacted, inForce, repealed, repealedBy, source, verified, note, null,
                null);
    }

    /** True when the instrument is in force on {@code date}: on or after its in-force date, before its repeal. */
    public boolean inForceOn(LocalDate date) {
        return InForce.between(inForce, repealed, date);
    }
}
