package org.lexgap.api.model;

import java.time.LocalDate;

/**
 * A provision a verdict rests on, with everything a reader needs to find it.
 *
 * @param provision  provision id
 * @param instrument instrument id
 * @param title      the instrument's title
 * @param section    the section
 * @param citation   the instrument's citation followed by the section
 * @param inForce    the provision's in-force date
 * @param source     where the provision was read
 * @param verified   false when any fact of the instrument or provision is unverified
 * @param summary    what the provision says, in our own words
 * @param reason     why the rule relied on it
 * @param inForceBasis what {@code inForce} is, as for {@link Instrument#inForceBasis()}
 * @param retrieved  when the source was read, or {@code null}
 * @param hypothetical the amendment change that added or amended the provision, or {@code null} for recorded law
 */
public record Evidence(String provision, String instrument, String title, String section, String citation,
                       LocalDate inForce, String source, boolean verified, String summary, String reason,
                       String inForceBasis, LocalDate retrieved, AmendmentChange hypothetical) {
    public Evidence {
        inForceBasis = inForceBasis == null ? Instrument.STATED_IN_FORCE : inForceBasis;
    }

    /** As in api 1.1: recorded law. */
    public Evidence(String provision, String instrument, String title, String section, String citation,
                    LocalDate inForce, String source, boolean verified, String summary, String reason,
                    String inForceBasis, LocalDate retrieved) {
        this(provision, instrument, title, section, citation, inForce, source, verified, summary, reason,
                inForceBasis, retrieved, null);
    }

    /** This evidence marked as resting on the hypothetical {@code change}. */
    public Evidence withHypothetical(AmendmentChange change) {
        return new Evidence(provision, instrument, title, section, citation, inForce, source, verified, summary,
                reason, inForceBasis, retrieved, change);
    }

    /** As in api 1.0: the in-force date is stated by the source, retrieval date unknown. */
    public Evidence(String provision, String instrument, String title, String section, String citation,
                    LocalDate inForce, String source, boolean verified, String summary, String reason) {
        this(provision, instrument, title, section, citation, inForce, source, verified, summary, reason, null, null,
                null);
    }
}
