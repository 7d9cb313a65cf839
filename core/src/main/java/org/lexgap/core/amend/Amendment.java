package org.lexgap.core.amend;

import java.util.List;

import org.lexgap.api.model.AmendmentChange;
import org.lexgap.api.model.AmendmentRef;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.Provision;

/**
 * One amendment file, read and checked: hypothetical changes to one jurisdiction's law.
 *
 * @param path    the path as given (for messages)
 * @param name    the file name (for reports)
 * @param sha256  SHA-256 of its bytes
 * @param changes in file order
 */
public record Amendment(String path, String name, String sha256, String title, String jurisdiction, String note,
                        List<Change> changes) {
    public Amendment {
        changes = List.copyOf(changes);
    }

    /** The kinds of change, as written in the file. */
    public static final String ADD_INSTRUMENT = "add-instrument";
    public static final String ADD_PROVISION = "add-provision";
    public static final String REPEAL = "repeal";
    public static final String AMEND = "amend";

    /**
     * One change with what it carries.
     *
     * @param ref        how reports name it
     * @param instrument add-instrument: the new instrument (in force from the change's date), else {@code null}
     * @param provisions add-instrument: the new instrument's provisions; add-provision: the new provision; amend:
     *                   the provision as amended (with the target's id and instrument); repeal: empty
     */
    public record Change(AmendmentChange ref, Instrument instrument, List<Provision> provisions) {
        public Change {
            provisions = List.copyOf(provisions);
        }

        public String kind() {
            return ref.kind();
        }
    }

    public AmendmentRef toRef() {
        return new AmendmentRef(name, title, sha256, jurisdiction, note, changes.stream().map(Change::ref).toList());
    }
}
