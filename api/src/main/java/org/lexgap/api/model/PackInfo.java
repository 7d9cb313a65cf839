package org.lexgap.api.model;

import java.util.List;

/**
 * A pack as the registry knows it.
 *
 * @param id             pack id (from pack.json)
 * @param version        the serving version, or the refused version when none serves
 * @param title          title
 * @param kind           {@code model-law} or {@code jurisdictions}
 * @param sha256         hash of the serving content
 * @param bundleId       the OSGi bundle holding it
 * @param location       the bundle location
 * @param state          {@code SERVING}, {@code SERVING_PREVIOUS} (a newer version was refused) or {@code FAILED}
 * @param jurisdictions  jurisdiction codes it covers
 * @param editions       model-law editions it defines or targets
 * @param problems       errors and warnings from the last load attempt
 */
public record PackInfo(String id, String version, String title, String kind, String sha256, long bundleId,
                       String location, String state, List<String> jurisdictions, List<String> editions,
                       List<PackProblem> problems) {
    public PackInfo {
        jurisdictions = List.copyOf(jurisdictions);
        editions = List.copyOf(editions);
        problems = List.copyOf(problems);
    }
}
