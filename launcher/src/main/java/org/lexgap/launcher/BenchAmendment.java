package org.lexgap.launcher;

import java.nio.charset.StandardCharsets;

import org.lexgap.api.model.AmendmentFile;

/**
 * The amendment every what-if figure uses ({@code lexgap bench} and the JMH benchmarks), so that they measure the same
 * re-evaluation: the example of docs/what-if.md, a possession offence for Malaysia from 2016-01-01.
 */
public final class BenchAmendment {
    private static final String TEXT = """
            {
              "title": "Simple possession for Malaysia at the 8th-edition cut-off (bench)",
              "jurisdiction": "MY",
              "note": "Hypothetical: a possession offence in force from 1 January 2016.",
              "changes": [
                {
                  "id": "possession-offence",
                  "kind": "add-instrument",
                  "title": "A possession offence",
                  "note": "Hypothetical.",
                  "from": "2016-01-01",
                  "instrument": {
                    "id": "MY-WHATIF-POSSESSION",
                    "title": "Possession Bill (hypothetical)",
                    "citation": "Bill (hypothetical)",
                    "provisions": [{"id": "MY-WHATIF-POSSESSION-s1", "section": "s. 1",
                      "summary": "Knowingly possessing child sexual abuse material is an offence.",
                      "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "any"}]}]
                  }
                }
              ]
            }
            """;

    private BenchAmendment() {
    }

    /** The amendment as the file the evaluator reads. */
    public static AmendmentFile file() {
        return new AmendmentFile("bench-possession.json", TEXT.getBytes(StandardCharsets.UTF_8));
    }
}
