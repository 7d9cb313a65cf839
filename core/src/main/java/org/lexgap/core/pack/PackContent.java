package org.lexgap.core.pack;

import java.util.List;
import java.util.Map;

import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackRef;

/**
 * A pack read and checked, not yet compiled.
 *
 * @param edition the edition a model-law pack defines, else {@code null}
 * @param rules   DRL sources by path, in path order
 */
public record PackContent(PackFiles files, PackDescriptor descriptor, ModelLawEdition edition,
                          List<JurisdictionData> jurisdictions, List<PackTestCase> tests, Map<String, String> rules) {

    public PackRef ref() {
        return new PackRef(descriptor.id(), descriptor.version(), files.sha256());
    }
}
