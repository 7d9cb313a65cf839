package org.lexgap.api.model;

import java.util.List;

/**
 * An edition of the ICMEC Model Legislation &amp; Global Review.
 *
 * @param edition   its number as a string, for example {@code 8}
 * @param title     the report's title
 * @param published when it was published ({@code YYYY} or {@code YYYY-MM}), or {@code null} when not verified
 * @param cutoff    when its review of national law was completed ({@code YYYY-MM}), or {@code null} when not
 *                  known
 * @param source    where these facts come from
 * @param criteria  the criteria, in the edition's order
 * @param pack      id of the pack that defines the edition
 * @param globalResults the counts the edition published for every country it reviewed, or {@code null}
 * @param note      what about the edition is not verified (for example its publication date), or {@code null}
 */
public record ModelLawEdition(String edition, String title, String published, String cutoff, String source,
                              List<Criterion> criteria, String pack, GlobalResults globalResults, String note) {
    public ModelLawEdition {
        criteria = List.copyOf(criteria);
    }

    /** As in api 1.1: every fact verified, no global results. */
    public ModelLawEdition(String edition, String title, String published, String cutoff, String source,
                           List<Criterion> criteria, String pack) {
        this(edition, title, published, cutoff, source, criteria, pack, null, null);
    }
}
