package org.lexgap.api.model;

import java.util.List;

/**
 * A named set of jurisdictions declared by a pack, for example {@code ASEAN}.
 *
 * @param id      the name used on the command line ({@code --region ASEAN})
 * @param name    the full name
 * @param members jurisdiction codes in the order reports list them
 * @param source  where the membership is documented
 * @param pack    id of the pack that declares the region
 */
public record Region(String id, String name, List<String> members, String source, String pack) {
    public Region {
        members = List.copyOf(members);
    }
}
