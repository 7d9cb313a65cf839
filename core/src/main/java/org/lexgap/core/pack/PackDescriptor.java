package org.lexgap.core.pack;

import java.util.List;

import org.lexgap.api.model.Region;

/** What pack.json says. */
public record PackDescriptor(String id, String version, String title, String kind, List<String> editions,
                             String description, List<Region> regions) {
    public static final String MODEL_LAW = "model-law";

    public boolean isModelLaw() {
        return MODEL_LAW.equals(kind);
    }
}
