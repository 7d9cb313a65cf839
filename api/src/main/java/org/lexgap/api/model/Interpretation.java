package org.lexgap.api.model;

import java.time.LocalDate;

/**
 * A recorded, cited judgment on one criterion for one jurisdiction, for example the Global Review's own finding
 * where a reading of the statute alone would differ. It decides the verdict while it applies and is always shown
 * as an interpretation, never as a silent override.
 *
 * @param id           pack-unique id
 * @param jurisdiction jurisdiction code
 * @param criterion    criterion id
 * @param status       the judged status
 * @param reason       why, in our own words
 * @param source       who judged so, where
 * @param edition      the model-law edition it applies to, or {@code null} for every edition
 * @param from         first as-of date it applies to, or {@code null} for no lower bound
 * @param until        first as-of date it no longer applies to (for example a later law's in-force date), or
 *                     {@code null}
 * @param verified     whether the judgment was checked against its source
 * @param retrieved    when the source was read, or {@code null}
 * @param kind         {@link #DATA_GAP} (the judgment rests on law the pack does not record) or {@link #DIVERGENCE}
 *                     (the pack records the law and reads it otherwise); a {@code null} kind counts as a data gap
 */
public record Interpretation(String id, String jurisdiction, String criterion, Status status, String reason,
                             String source, String edition, LocalDate from, LocalDate until, boolean verified,
                             LocalDate retrieved, String kind) {
    /** The judgment rests on law the pack does not record. */
    public static final String DATA_GAP = "data-gap";
    /** The pack records the law the judgment is about, and its reading differs. */
    public static final String DIVERGENCE = "divergence";

    public Interpretation {
        kind = kind == null ? DATA_GAP : kind;
    }

    /** As in api 1.1: a data gap. */
    public Interpretation(String id, String jurisdiction, String criterion, Status status, String reason,
                          String source, String edition, LocalDate from, LocalDate until, boolean verified,
                          LocalDate retrieved) {
        this(id, jurisdiction, criterion, status, reason, source, edition, from, until, verified, retrieved, null);
    }

    /** As in api 1.0: retrieval date unknown. */
    public Interpretation(String id, String jurisdiction, String criterion, Status status, String reason,
                          String source, String edition, LocalDate from, LocalDate until, boolean verified) {
        this(id, jurisdiction, criterion, status, reason, source, edition, from, until, verified, null);
    }

    /** True when this interpretation governs an assessment of {@code edition} as of {@code asOf}. */
    public boolean appliesTo(String edition, LocalDate asOf) {
        return (this.edition == null || this.edition.equals(edition))
                && (from == null || !asOf.isBefore(from))
                && (until == null || asOf.isBefore(until));
    }
}
