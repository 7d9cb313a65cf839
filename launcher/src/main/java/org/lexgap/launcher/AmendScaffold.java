package org.lexgap.launcher;

import java.time.LocalDate;

import org.lexgap.api.model.Jurisdiction;

/**
 * What {@code lexgap amend new} writes: an amendment file with one example change, adding a hypothetical
 * instrument with one possession offence. It validates as written; every example value reads EXAMPLE, so that
 * {@code amend validate} warns until it is replaced.
 */
final class AmendScaffold {
    private AmendScaffold() {
    }

    static String text(Jurisdiction jurisdiction, LocalDate from) {
        String code = jurisdiction.code();
        return """
                {
                  "title": "EXAMPLE: what this hypothetical amendment models, for example the bill it stands for",
                  "jurisdiction": "%1$s",
                  "note": "EXAMPLE: why it is modelled and what it assumes. An amendment is hypothetical: it is not law, it is applied on top of a copy of %2$s's recorded law, and it never changes a pack.",
                  "changes": [
                    {
                      "id": "new-instrument",
                      "kind": "add-instrument",
                      "title": "EXAMPLE: what this change does, e.g. a new Act criminalising knowing possession",
                      "note": "EXAMPLE: what the change assumes. Other kinds: add-provision (a section in a recorded instrument), repeal (a recorded instrument or provision, by id), amend (a recorded provision's elements from a date); see docs/what-if.md.",
                      "from": "%3$s",
                      "instrument": {
                        "id": "%1$s-WHATIF-1",
                        "title": "EXAMPLE: the instrument's short title",
                        "citation": "EXAMPLE: Bill (hypothetical)",
                        "provisions": [
                          {
                            "id": "%1$s-WHATIF-1-s1",
                            "section": "s. 1",
                            "summary": "EXAMPLE: knowingly possessing child sexual abuse material is an offence, whatever the intent.",
                            "elements": [
                              {"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "any"}
                            ]
                          }
                        ]
                      }
                    }
                  ]
                }
                """.formatted(code, jurisdiction.name(), from);
    }
}
