package org.lexgap.core.pack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.GlobalResults;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.Interpretation;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Region;
import org.lexgap.api.model.Status;
import org.lexgap.core.pack.SchemaCheck.Kind;

/**
 * Reads a pack's files into {@link PackContent}: JSON is parsed, checked against the schemas, and turned into the
 * api records. Every problem is reported with its file and line; reading goes on past a bad file so that one run
 * reports everything.
 */
public final class PackReader {
    public static final String DESCRIPTOR = "pack.json";
    public static final String EDITION = "edition.json";
    /** The folder of a model-law pack that defines several editions, one {@code N.json} each. */
    public static final String EDITIONS = "editions";

    /** Whether {@code path} defines an edition: {@code edition.json}, or {@code editions/N.json} in a pack of several. */
    public static boolean isEditionFile(String path) {
        return path.equals(EDITION) || path.startsWith(EDITIONS + "/") && path.endsWith(".json")
                && path.indexOf('/', EDITIONS.length() + 1) < 0;
    }
    /** Editions in number order ("9" before "10"). */
    private static final java.util.Comparator<String> NUMERIC = java.util.Comparator
            .comparingInt((String e) -> e.length()).thenComparing(java.util.Comparator.naturalOrder());

    /** The outcome: content when it could be read without errors, and every problem found. */
    public record Result(PackContent content, List<PackProblem> problems) {
    }

    private PackReader() {
    }

    /**
     * @param knownCriteria criterion ids by edition, from the model-law packs already serving; a model-law pack's
     *                      own edition is added to them
     */
    public static Result read(PackFiles files, Map<String, Set<String>> knownCriteria) {
        Map<String, LocatedJson> documents = new TreeMap<>();
        Problems early = new Problems(files.origin());
        LocatedJson descriptorJson = parse(files, DESCRIPTOR, Kind.PACK, early, true);
        // With a bad pack.json the other files are still read, so that one run reports every problem.
        PackDescriptor descriptor = descriptorJson != null ? descriptor(descriptorJson.root())
                : new PackDescriptor(files.origin(), "0.0.0", "", files.contains(EDITION) ? PackDescriptor.MODEL_LAW
                        : "jurisdictions", List.of(), null, List.of());
        Problems problems = new Problems(descriptor.id());
        problems.addAll(early.list());
        if (descriptorJson != null) {
            documents.put(DESCRIPTOR, descriptorJson);
        }

        List<ModelLawEdition> editions = new ArrayList<>();
        List<String> editionFiles = files.list(EDITIONS, ".json");
        if (descriptor.isModelLaw()) {
            if (files.contains(EDITION) && !editionFiles.isEmpty()) {
                problems.error(EDITION, 0, 0, "a model-law pack defines its editions either in edition.json (one)"
                        + " or in editions/N.json (several), not both; found edition.json and " + editionFiles);
            }
            for (String path : editionFiles.isEmpty() ? List.of(EDITION) : editionFiles) {
                LocatedJson editionJson = parse(files, path, Kind.EDITION, problems, true);
                if (editionJson != null) {
                    documents.put(path, editionJson);
                    ModelLawEdition edition = edition(editionJson.root(), descriptor.id());
                    String expected = EDITIONS + "/" + edition.edition() + ".json";
                    if (!path.equals(EDITION) && !path.equals(expected)) {
                        problems.error(editionJson, "/edition", "edition " + edition.edition()
                                + " does not match the file name; expected " + expected);
                    } else if (editions.stream().anyMatch(e -> e.edition().equals(edition.edition()))) {
                        problems.error(editionJson, "/edition", "edition " + edition.edition() + " is defined twice");
                    } else {
                        editions.add(edition);
                    }
                }
            }
            editions.sort(java.util.Comparator.comparing(ModelLawEdition::edition, NUMERIC));
        } else if (files.contains(EDITION) || !editionFiles.isEmpty()) {
            problems.error(files.contains(EDITION) ? EDITION : editionFiles.get(0), 0, 0,
                    "only a pack of kind \"model-law\" may define an edition");
        }

        // Each jurisdiction file is checked as soon as it is read and its located tree dropped, so that memory
        // grows with the records kept, not with every file's tree (a pack may hold thousands of jurisdictions).
        PackChecker checker = PackChecker.start(descriptor, editions, knownCriteria, problems);
        List<JurisdictionData> jurisdictions = new ArrayList<>();
        for (String path : files.list("jurisdictions", ".json")) {
            LocatedJson json = parse(files, path, Kind.JURISDICTION, problems, false);
            if (json != null) {
                jurisdictions.add(jurisdiction(json, problems));
                checker.document(json);
            }
        }
        List<PackTestCase> tests = new ArrayList<>();
        for (String path : files.list("tests", ".json")) {
            LocatedJson json = parse(files, path, Kind.TESTS, problems, false);
            if (json != null) {
                documents.put(path, json);
                tests.addAll(tests(json, problems));
            }
        }
        Map<String, String> rules = new TreeMap<>();
        for (String path : files.list("rules", ".drl")) {
            rules.put(path, new String(files.bytes(path), StandardCharsets.UTF_8));
        }
        PackContent content = new PackContent(files, descriptor, editions, jurisdictions, tests, rules);
        checker.finish(content, documents, descriptorJson != null);
        return new Result(problems.hasErrors() ? null : content, problems.list());
    }

    private static LocatedJson parse(PackFiles files, String path, Kind kind, Problems problems, boolean required) {
        if (!files.contains(path)) {
            if (required) {
                problems.error(path, 0, 0, "missing: every pack of this kind needs " + path);
            }
            return null;
        }
        try {
            LocatedJson json = LocatedJson.parse(path, files.bytes(path));
            return SchemaCheck.check(kind, json, problems) ? json : null;
        } catch (LocatedJson.Malformed e) {
            problems.error(path, e.line, e.column, e.getMessage());
            return null;
        }
    }

    private static PackDescriptor descriptor(JsonNode node) {
        List<Region> regions = new ArrayList<>();
        for (JsonNode region : node.path("regions")) {
            regions.add(new Region(region.get("id").asText(), region.get("name").asText(), strings(region.get("members")),
                    region.get("source").asText(), node.get("id").asText()));
        }
        return new PackDescriptor(node.get("id").asText(), node.get("version").asText(), node.get("title").asText(),
                node.get("kind").asText(), strings(node.get("editions")), text(node, "description"), regions);
    }

    private static ModelLawEdition edition(JsonNode node, String pack) {
        String edition = node.get("edition").asText();
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : node.get("criteria")) {
            criteria.add(new Criterion(c.get("id").asText(), c.get("number").asInt(), edition,
                    c.get("question").asText(), c.get("recommendation").asText(),
                    c.get("recommendationSource").asText()));
        }
        return new ModelLawEdition(edition, node.get("title").asText(), text(node, "published"),
                text(node, "cutoff"), node.get("source").asText(), criteria, pack,
                globalResults(node.get("globalResults")), text(node, "note"));
    }

    /** The optional {@code globalResults} block: the edition's published counts for every country reviewed. */
    private static GlobalResults globalResults(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode rest = node.get("ofThoseWithSpecificLegislation");
        return new GlobalResults(node.get("countriesReviewed").asInt(), node.get("sufficientCriteria1to4").asInt(),
                node.get("metFirstFive").asInt(), node.get("met1to4NotIspReporting").asInt(),
                node.get("noSpecificLegislation").asInt(),
                node.hasNonNull("dataRetention") ? node.get("dataRetention").asInt() : null,
                rest.get("noDefinition").asInt(), rest.get("noComputerFacilitated").asInt(),
                rest.get("noSimplePossession").asInt(), node.get("source").asText(), node.get("verified").asBoolean());
    }

    private static JurisdictionData jurisdiction(LocatedJson json, Problems problems) {
        JsonNode node = json.root();
        String code = node.get("code").asText();
        Jurisdiction jurisdiction = new Jurisdiction(code, node.get("name").asText(), strings(node.get("unassessed")));
        List<Instrument> instruments = new ArrayList<>();
        Map<String, Instrument> byId = new LinkedHashMap<>();
        JsonNode instrumentNodes = node.get("instruments");
        for (int i = 0; i < instrumentNodes.size(); i++) {
            JsonNode in = instrumentNodes.get(i);
            String at = "/instruments/" + i;
            Instrument instrument = new Instrument(in.get("id").asText(), code, in.get("title").asText(),
                    in.get("citation").asText(), date(json, in, at, "enacted", problems),
                    date(json, in, at, "inForce", problems), date(json, in, at, "repealed", problems),
                    text(in, "repealedBy"), in.get("source").asText(), in.get("verified").asBoolean(),
                    text(in, "note"), text(in, "inForceBasis"), date(json, in, at, "retrieved", problems));
            instruments.add(instrument);
            byId.putIfAbsent(instrument.id(), instrument);
        }
        List<Provision> provisions = new ArrayList<>();
        for (int i = 0; i < instrumentNodes.size(); i++) {
            JsonNode provisionNodes = instrumentNodes.get(i).get("provisions");
            for (int j = 0; j < provisionNodes.size(); j++) {
                provisions.add(provision(json, instruments.get(i), byId, provisionNodes.get(j),
                        "/instruments/" + i + "/provisions/" + j, problems));
            }
        }
        List<Interpretation> interpretations = new ArrayList<>();
        JsonNode interpretationNodes = node.path("interpretations");
        for (int i = 0; i < interpretationNodes.size(); i++) {
            JsonNode in = interpretationNodes.get(i);
            String at = "/interpretations/" + i;
            interpretations.add(new Interpretation(in.get("id").asText(), code, in.get("criterion").asText(),
                    Status.valueOf(in.get("status").asText()), in.get("reason").asText(), in.get("source").asText(),
                    text(in, "edition"), date(json, in, at, "from", problems), date(json, in, at, "until", problems),
                    in.get("verified").asBoolean(), date(json, in, at, "retrieved", problems), text(in, "kind")));
        }
        return new JurisdictionData(json.file(), jurisdiction, instruments, provisions, interpretations);
    }

    /**
     * A provision inherits dates (with their basis), source (with its retrieval date) and verification from its
     * instrument, or from the amending instrument that inserted it, unless it states its own.
     */
    private static Provision provision(LocatedJson json, Instrument instrument, Map<String, Instrument> instruments,
                                       JsonNode node, String at, Problems problems) {
        String id = node.get("id").asText();
        String insertedBy = text(node, "insertedBy");
        Instrument origin = insertedBy == null ? instrument : instruments.getOrDefault(insertedBy, instrument);
        LocalDate inForce = date(json, node, at, "inForce", problems);
        LocalDate repealed = date(json, node, at, "repealed", problems);
        List<LegalElement> elements = new ArrayList<>();
        for (JsonNode e : node.get("elements")) {
            elements.add(new LegalElement(instrument.jurisdiction(), id, e.get("type").asText(), text(e, "subject"),
                    text(e, "conduct"), text(e, "intent"), text(e, "medium"), text(e, "bearer"), text(e, "action"),
                    e.has("ageLimit") ? e.get("ageLimit").asInt() : null, text(e, "aggravation")));
        }
        boolean verified = node.has("verified") ? node.get("verified").asBoolean() : origin.verified();
        boolean ownSource = node.has("source");
        return new Provision(id, instrument.jurisdiction(), instrument.id(), node.get("section").asText(), insertedBy,
                node.get("summary").asText(), inForce != null ? inForce : origin.inForce(),
                repealed != null ? repealed : instrument.repealed(),
                ownSource ? node.get("source").asText() : origin.source(),
                verified, elements, inForce != null ? text(node, "inForceBasis") : origin.inForceBasis(),
                ownSource ? date(json, node, at, "retrieved", problems) : origin.retrieved());
    }

    private static List<PackTestCase> tests(LocatedJson json, Problems problems) {
        List<PackTestCase> out = new ArrayList<>();
        JsonNode cases = json.root().get("cases");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String at = "/cases/" + i;
            Map<String, Status> expect = new LinkedHashMap<>();
            c.get("expect").fields().forEachRemaining(e -> expect.put(e.getKey(), Status.valueOf(e.getValue().asText())));
            Map<String, List<String>> evidence = new LinkedHashMap<>();
            c.path("expectEvidence").fields().forEachRemaining(e -> evidence.put(e.getKey(), strings(e.getValue())));
            LocalDate asOf = date(json, c, at, "asOf", problems);
            if (asOf != null) {
                out.add(new PackTestCase(json.file(), json.locate(at)[0], c.get("name").asText(),
                        c.get("jurisdiction").asText(), c.get("edition").asText(), asOf, expect, evidence));
            }
        }
        return out;
    }

    private static LocalDate date(LocatedJson json, JsonNode node, String at, String field, Problems problems) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.error(json, at + "/" + field, "\"" + value + "\" is not a calendar date (expected YYYY-MM-DD)");
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
