package org.lexgap.core.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackRef;

/**
 * A pack read and checked, not yet compiled.
 *
 * @param editions the editions a model-law pack defines, in edition order (one from {@code edition.json}, or one
 *                 per {@code editions/N.json}); empty for a jurisdiction pack
 * @param rules    DRL sources by path, in path order
 */
public record PackContent(PackFiles files, PackDescriptor descriptor, List<ModelLawEdition> editions,
                          List<JurisdictionData> jurisdictions, List<PackTestCase> tests, Map<String, String> rules) {
    public PackContent {
        editions = List.copyOf(editions);
    }

    /** A pack defining at most one edition ({@code edition} may be {@code null}). */
    public PackContent(PackFiles files, PackDescriptor descriptor, ModelLawEdition edition,
                       List<JurisdictionData> jurisdictions, List<PackTestCase> tests, Map<String, String> rules) {
        this(files, descriptor, edition == null ? List.of() : List.of(edition), jurisdictions, tests, rules);
    }

    /**
     * The edition this content defines: the only one, or for a pack defining several, the first. The
     * {@link org.lexgap.core.engine.Catalog} hands out one view per edition ({@link #forEdition}), in which this is
     * that edition.
     */
    public ModelLawEdition edition() {
        return editions.isEmpty() ? null : editions.get(0);
    }

    public Optional<ModelLawEdition> edition(String edition) {
        return editions.stream().filter(e -> e.edition().equals(edition)).findFirst();
    }

    /** The same pack seen as defining only {@code edition}: same files, hash and rules. */
    public PackContent forEdition(String edition) {
        ModelLawEdition only = edition(edition).orElseThrow(() -> new IllegalArgumentException(
                "pack " + descriptor.id() + " does not define edition " + edition));
        return editions.size() == 1 ? this : new PackContent(files, descriptor, List.of(only), jurisdictions, tests,
                rules);
    }

    public PackRef ref() {
        return new PackRef(descriptor.id(), descriptor.version(), files.sha256());
    }
}
