package org.lexgap.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What {@code lexgap pack new} writes: a working pack with one example instrument, provision, rule and test that
 * pass as generated. Every example value is marked EXAMPLE, and {@code pack validate} warns until it is replaced, so
 * a scaffold can never pass for real law.
 */
final class Scaffold {
    private Scaffold() {
    }

    static Map<String, String> files(String id, String code, String name) {
        Map<String, String> files = new TreeMap<>();
        files.put("pack.json", """
                {
                  "id": "%1$s",
                  "version": "0.1.0",
                  "title": "%2$s",
                  "description": "The law of %2$s on child sexual abuse material, assessed against the ICMEC model law.",
                  "kind": "jurisdictions",
                  "editions": ["8"],
                  "authors": ["EXAMPLE: your name or office"],
                  "licence": "CC-BY-4.0"
                }
                """.formatted(id, name));
        files.put("jurisdictions/" + code + ".json", """
                {
                  "code": "%1$s",
                  "name": "%2$s",
                  "instruments": [
                    {
                      "id": "%1$s-EXAMPLE-ACT",
                      "title": "EXAMPLE: the instrument's official short title",
                      "citation": "EXAMPLE: how lawyers cite it",
                      "enacted": "2000-01-01",
                      "inForce": "2000-01-01",
                      "source": "EXAMPLE: where you read it (URL or reference)",
                      "verified": false,
                      "note": "EXAMPLE: not a real instrument and not real dates. Replace every EXAMPLE value with facts from a source, or delete this instrument.",
                      "provisions": [
                        {
                          "id": "%1$s-EXAMPLE-ACT-s1",
                          "section": "s. 1",
                          "summary": "EXAMPLE: possessing child sexual abuse material, including on a computer, is an offence.",
                          "elements": [
                            {"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "computer"}
                          ]
                        }
                      ]
                    }
                  ],
                  "interpretations": []
                }
                """.formatted(code, name));
        files.put("rules/" + id + ".drl", """
                // Rules specific to %1$s. The model-law rules already read every provision's legal elements;
                // add a rule here only for what the elements cannot say. This example only shows the form.
                rule "Example: possession on a computer shows a computer-facilitated offence"
                when
                    $e : LegalElement( type == "offence", conduct == "possess", medium == "computer" )
                then
                    insert( new Finding( $e.jurisdiction(), "computer_facilitated", Status.MET, $e.provision(),
                        "Possessing the material on a computer is an offence." ) );
                end
                """.formatted(name));
        files.put("tests/" + code + ".json", """
                {
                  "cases": [
                    {
                      "name": "%2$s at the 8th-edition cut-off (example)",
                      "jurisdiction": "%1$s",
                      "edition": "8",
                      "asOf": "2016-01-01",
                      "expect": {
                        "specific_legislation": "MET",
                        "definition": "NOT_MET",
                        "computer_facilitated": "MET",
                        "simple_possession": "MET",
                        "isp_reporting": "NOT_MET",
                        "data_retention": "NOT_MET"
                      },
                      "expectEvidence": {"simple_possession": ["%1$s-EXAMPLE-ACT-s1"]}
                    }
                  ]
                }
                """.formatted(code, name));
        files.put("README.md", """
                # %1$s pack

                Made by `lexgap pack new`. Next steps (docs/authoring-tutorial.md walks through them):

                1. Replace every `EXAMPLE` value in `jurisdictions/%2$s.json` with facts from a source you cite.
                2. `lexgap pack validate <this folder>` until it reports no errors and no warnings.
                3. Write the expected verdicts in `tests/%2$s.json`; `lexgap pack test <this folder>`.
                4. `lexgap explain --packs <this folder> --jurisdiction %2$s --criterion simple_possession`.
                """.formatted(name, code));
        return files;
    }

    static void write(Path directory, Map<String, String> files) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(directory + " exists and is not empty; choose another --dir");
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    /** The English short name of an ISO 3166 code, or the code when Java does not know it. */
    static String countryName(String code) {
        if (org.lexgap.api.model.Jurisdiction.isSubdivision(code)) {
            // The JDK knows no subdivision names; a placeholder that 'pack validate' warns about until replaced.
            return "EXAMPLE: the English name of " + code;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equals(code) ? code : name;
    }
}
