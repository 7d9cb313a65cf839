package org.lexgap.core.amend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lexgap.api.model.AmendmentChange;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.Provision;
import org.lexgap.core.pack.JurisdictionData;

/**
 * A jurisdiction's law with amendments applied, as of one date: a new {@link JurisdictionData} built from the
 * pack's (which is never changed), with a record of which provisions are hypothetical and what each change did.
 *
 * @param data         the amended law
 * @param hypothetical provision id to the change that added or amended it
 * @param removedBy    instrument or provision id to the change that repealed or amended it
 * @param inEffect     the changes that take effect on or before the date, in order
 */
public record AmendedLaw(JurisdictionData data, Map<String, AmendmentChange> hypothetical,
                         Map<String, AmendmentChange> removedBy, List<AmendmentChange> inEffect) {

    public AmendedLaw {
        hypothetical = Map.copyOf(hypothetical);
        removedBy = Map.copyOf(removedBy);
        inEffect = List.copyOf(inEffect);
    }

    /** Applies {@code changes} (of one jurisdiction, in order) to {@code law} as it reads on {@code asOf}. */
    public static AmendedLaw apply(JurisdictionData law, List<Amendment.Change> changes, LocalDate asOf) {
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        law.instruments().forEach(i -> instruments.put(i.id(), i));
        Map<String, Provision> provisions = new LinkedHashMap<>();
        law.provisions().forEach(p -> provisions.put(p.id(), p));
        Map<String, AmendmentChange> hypothetical = new LinkedHashMap<>();
        Map<String, AmendmentChange> removedBy = new LinkedHashMap<>();
        Set<AmendmentChange> inEffect = new LinkedHashSet<>();
        for (Amendment.Change change : changes) {
            AmendmentChange ref = change.ref();
            boolean effective = !asOf.isBefore(ref.from());
            switch (change.kind()) {
                case Amendment.ADD_INSTRUMENT -> {
                    instruments.put(change.instrument().id(), change.instrument());
                    change.provisions().forEach(p -> {
                        provisions.put(p.id(), p);
                        hypothetical.put(p.id(), ref);
                    });
                }
                case Amendment.ADD_PROVISION -> change.provisions().forEach(p -> {
                    provisions.put(p.id(), p);
                    hypothetical.put(p.id(), ref);
                });
                case Amendment.REPEAL -> {
                    String target = ref.target();
                    Instrument instrument = instruments.get(target);
                    if (instrument != null) {
                        instruments.put(target, repealed(instrument, ref.from()));
                        provisions.replaceAll((id, p) -> target.equals(p.instrument()) ? repealed(p, ref.from()) : p);
                        provisions.values().stream().filter(p -> target.equals(p.instrument()))
                                .forEach(p -> removedBy.put(p.id(), ref));
                    } else {
                        provisions.computeIfPresent(target, (id, p) -> repealed(p, ref.from()));
                    }
                    removedBy.put(target, ref);
                }
                default -> {
                    // An amendment is a new text from its date: before it, the recorded text applies.
                    if (effective) {
                        Provision recorded = provisions.get(ref.target());
                        Provision text = change.provisions().get(0);
                        provisions.put(ref.target(), new Provision(recorded.id(), recorded.jurisdiction(),
                                recorded.instrument(), text.section() != null ? text.section() : recorded.section(),
                                recorded.insertedBy(), text.summary(), text.inForce(), recorded.repealed(),
                                text.source(), true, rebind(text.elements(), recorded.id())));
                        hypothetical.put(ref.target(), ref);
                        removedBy.put(ref.target(), ref);
                    }
                }
            }
            if (effective) {
                inEffect.add(ref);
            }
        }
        JurisdictionData amended = new JurisdictionData(law.file(), law.jurisdiction(),
                new ArrayList<>(instruments.values()), new ArrayList<>(provisions.values()), law.interpretations());
        return new AmendedLaw(amended, hypothetical, removedBy, new ArrayList<>(inEffect));
    }

    private static Instrument repealed(Instrument i, LocalDate from) {
        LocalDate until = i.repealed() == null || from.isBefore(i.repealed()) ? from : i.repealed();
        return new Instrument(i.id(), i.jurisdiction(), i.title(), i.citation(), i.enacted(), i.inForce(), until,
                i.repealedBy(), i.source(), i.verified(), i.note(), i.inForceBasis(), i.retrieved());
    }

    private static Provision repealed(Provision p, LocalDate from) {
        LocalDate until = p.repealed() == null || from.isBefore(p.repealed()) ? from : p.repealed();
        return new Provision(p.id(), p.jurisdiction(), p.instrument(), p.section(), p.insertedBy(), p.summary(),
                p.inForce(), until, p.source(), p.verified(), p.elements(), p.inForceBasis(), p.retrieved());
    }

    private static List<LegalElement> rebind(List<LegalElement> elements, String provision) {
        return elements.stream().map(e -> new LegalElement(e.jurisdiction(), provision, e.type(), e.subject(),
                e.conduct(), e.intent(), e.medium(), e.bearer(), e.action(), e.ageLimit(), e.aggravation())).toList();
    }
}
