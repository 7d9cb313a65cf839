package org.lexgap.api.model;

import java.util.List;

/**
 * An amendment file a hypothetical result was computed with: what provenance lists beside the packs.
 *
 * @param file         the file's name
 * @param title        its title
 * @param sha256       SHA-256 of its bytes, hex
 * @param jurisdiction the jurisdiction it amends
 * @param note         its note, for readers
 * @param changes      its changes, in file order
 */
public record AmendmentRef(String file, String title, String sha256, String jurisdiction, String note,
                           List<AmendmentChange> changes) {
    public AmendmentRef {
        changes = List.copyOf(changes);
    }
}
