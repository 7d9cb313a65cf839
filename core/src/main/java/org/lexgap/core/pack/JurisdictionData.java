package org.lexgap.core.pack;

import java.util.List;

import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.Interpretation;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.Provision;

/** One jurisdiction file, read: the law of one jurisdiction as data. */
public record JurisdictionData(String file, Jurisdiction jurisdiction, List<Instrument> instruments,
                               List<Provision> provisions, List<Interpretation> interpretations) {
    public JurisdictionData {
        instruments = List.copyOf(instruments);
        provisions = List.copyOf(provisions);
        interpretations = List.copyOf(interpretations);
    }

    public String code() {
        return jurisdiction.code();
    }
}
