package org.lexgap.core.pack;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.ModelLawEdition;

/**
 * The checks a schema cannot express: references between records, date order, duplicate ids, element attributes
 * that do not apply to the element's type, unknown criterion ids. Runs on the located JSON so every problem points
 * at its line.
 */
public final class PackChecker {
    /** Which attributes each element type may carry (see docs/legal-elements.md). */
    static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "child-definition", Set.of("type", "ageLimit"),
            "csam-definition", Set.of("type", "subject", "medium", "ageLimit"),
            "offence", Set.of("type", "subject", "conduct", "intent", "medium", "aggravation"),
            "duty", Set.of("type", "subject", "bearer", "action", "medium"));

    private final PackDescriptor descriptor;
    private final Map<String, Set<String>> criteria;
    private final Problems problems;
    private final Map<String, String> seenIds = new HashMap<>();

    private PackChecker(PackDescriptor descriptor, Map<String, Set<String>> criteria, Problems problems) {
        this.descriptor = descriptor;
        this.criteria = criteria;
        this.problems = problems;
    }

    /**
     * A checker for one pack, fed its documents one at a time ({@link #document}) as they are read, so that a
     * pack of thousands of jurisdictions never holds every located tree at once, then {@link #finish}ed with the
     * content.
     *
     * @param editions the editions the pack itself defines (their criteria join {@code known})
     */
    static PackChecker start(PackDescriptor descriptor, List<ModelLawEdition> editions, Map<String, Set<String>> known,
                             Problems problems) {
        Map<String, Set<String>> criteria = new HashMap<>(known);
        editions.forEach(edition -> {
            Set<String> own = new TreeSet<>();
            edition.criteria().stream().map(Criterion::id).forEach(own::add);
            criteria.put(edition.edition(), own);
        });
        return new PackChecker(descriptor, criteria, problems);
    }

    /** The checks of one document that need no other: placeholders, sources, and a jurisdiction's own checks. */
    void document(LocatedJson json) {
        checkPlaceholders(json, problems, "lexgap pack new");
        checkSources(json);
        if (json.file().startsWith("jurisdictions/")) {
            checkJurisdiction(json);
        }
    }

    /** The documents not yet checked, then what needs the whole content: the descriptor's and the tests' checks. */
    void finish(PackContent content, Map<String, LocatedJson> documents, boolean descriptorValid) {
        if (descriptorValid) {
            checkDescriptor(content);
        }
        Defined defined = null;
        for (Map.Entry<String, LocatedJson> document : documents.entrySet()) {
            document(document.getValue());
            if (document.getKey().startsWith("tests/")) {
                defined = defined != null ? defined : Defined.of(content);
                checkTests(content, defined, document.getValue());
            }
        }
    }

    /**
     * Values still reading EXAMPLE... come from a scaffold ({@code scaffold} names the command, for example
     * {@code lexgap pack new}) and are not facts: each is a warning at its line.
     */
    public static void checkPlaceholders(LocatedJson json, Problems problems, String scaffold) {
        checkPlaceholders(json, json.root(), "", problems, scaffold);
    }

    private static void checkPlaceholders(LocatedJson json, JsonNode node, String at, Problems problems,
                                          String scaffold) {
        if (node.isTextual() && node.asText().startsWith("EXAMPLE")) {
            problems.warning(json, at, "placeholder from '" + scaffold + "': replace it with "
                    + (scaffold.startsWith("lexgap pack") ? "a sourced fact" : "your own text") + " or remove it");
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> checkPlaceholders(json, f.getValue(), at + "/" + f.getKey(), problems,
                    scaffold));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkPlaceholders(json, node.get(i), at + "/" + i, problems, scaffold);
            }
        }
    }

    /**
     * Every source must lead a reader to something public: a file of ours is an error, a source that is neither a URL
     * nor a formal citation a warning. See {@link SourceForm}.
     */
    private void checkSources(LocatedJson json) {
        for (SourceFields.Field f : SourceFields.of(json.file(), json.root())) {
            if (f.source().startsWith("EXAMPLE")) {
                continue; // a scaffold placeholder: checkPlaceholders already says to replace it
            }
            SourceForm.Reading reading = SourceForm.of(f.source());
            String what = f.kind() + (f.item().isEmpty() ? "" : " " + f.item());
            if (reading.form() == SourceForm.Form.FILE) {
                problems.error(json, f.pointer(), "the source of " + what + " points into a file system (\""
                        + reading.offending() + "\"): cite the public reference itself (an official or reputable"
                        + " site, or a published work by title, edition and section), never a file of ours");
            } else if (reading.form() == SourceForm.Form.INFORMAL) {
                problems.warning(json, f.pointer(), "the source of " + what + " is neither a URL nor a formal"
                        + " citation (issuing body or author, title, year): give a reference a reader can open");
            }
        }
    }

    private void checkDescriptor(PackContent content) {
        PackDescriptor d = content.descriptor();
        content.editions().stream().filter(e -> !d.editions().contains(e.edition())).forEach(e ->
                problems.error(PackReader.DESCRIPTOR, 0, 0, "\"editions\" must list every edition the pack defines ("
                        + e.edition() + " is missing)"));
        if (d.isModelLaw() && !content.editions().isEmpty()) {
            Set<String> defined = new TreeSet<>();
            content.editions().forEach(e -> defined.add(e.edition()));
            d.editions().stream().filter(e -> !defined.contains(e)).forEach(e ->
                    problems.error(PackReader.DESCRIPTOR, 0, 0, "\"editions\" lists edition " + e
                            + ", which the pack does not define; it defines " + defined));
        }
        if (!d.isModelLaw() && content.files().list("jurisdictions", ".json").isEmpty()) {
            problems.warning(PackReader.DESCRIPTOR, 0, 0, "a pack of kind \"jurisdictions\" with no jurisdictions/*.json");
        }
        for (String edition : d.editions()) {
            if (!criteria.containsKey(edition)) {
                problems.warning(PackReader.DESCRIPTOR, 0, 0, "edition " + edition
                        + " is not loaded, so criterion ids and tests for it cannot be checked");
            }
        }
        Set<String> codes = new HashSet<>();
        content.jurisdictions().forEach(j -> codes.add(j.code()));
        d.regions().forEach(r -> r.members().stream().filter(m -> !codes.contains(m)).forEach(m ->
                problems.warning(PackReader.DESCRIPTOR, 0, 0, "region " + r.id() + " lists " + m
                        + ", which this pack does not define; it must come from another pack")));
    }

    private void checkJurisdiction(LocatedJson json) {
        JsonNode root = json.root();
        String code = root.get("code").asText();
        if (!json.file().equals("jurisdictions/" + code + ".json")) {
            problems.error(json, "/code", "code " + code + " does not match the file name; expected jurisdictions/"
                    + code + ".json");
        }
        Set<String> instrumentIds = new HashSet<>();
        root.get("instruments").forEach(i -> instrumentIds.add(i.get("id").asText()));
        JsonNode instruments = root.get("instruments");
        for (int i = 0; i < instruments.size(); i++) {
            checkInstrument(json, instruments.get(i), "/instruments/" + i, instrumentIds);
        }
        JsonNode unassessed = root.path("unassessed");
        for (int i = 0; i < unassessed.size(); i++) {
            checkCriterion(json, "/unassessed/" + i, unassessed.get(i).asText(), null);
        }
        JsonNode interpretations = root.path("interpretations");
        for (int i = 0; i < interpretations.size(); i++) {
            JsonNode in = interpretations.get(i);
            String at = "/interpretations/" + i;
            unique(json, at + "/id", in.get("id").asText(), "interpretation");
            checkCriterion(json, at + "/criterion", in.get("criterion").asText(), text(in, "edition"));
            order(json, at + "/until", date(in, "from"), "from", date(in, "until"), "until");
        }
    }

    private void checkInstrument(LocatedJson json, JsonNode in, String at, Set<String> instrumentIds) {
        unique(json, at + "/id", in.get("id").asText(), "instrument");
        LocalDate enacted = date(in, "enacted");
        LocalDate inForce = date(in, "inForce");
        LocalDate repealed = date(in, "repealed");
        order(json, at + "/inForce", enacted, "enacted", inForce, "inForce");
        order(json, at + "/repealed", inForce != null ? inForce : enacted, inForce != null ? "inForce" : "enacted",
                repealed, "repealed");
        String repealedBy = text(in, "repealedBy");
        if (repealedBy != null && !instrumentIds.contains(repealedBy)) {
            problems.error(json, at + "/repealedBy", "repealedBy names instrument \"" + repealedBy
                    + "\", which this file does not define");
        }
        if (repealedBy != null && repealed == null) {
            problems.error(json, at + "/repealedBy", "repealedBy is given but the repeal date (repealed) is missing");
        }
        JsonNode provisions = in.get("provisions");
        boolean undated = provisions.isEmpty();
        for (JsonNode p : provisions) {
            undated |= !p.has("inForce") && !p.has("insertedBy");
        }
        if (inForce == null && undated) {
            problems.warning(json, at, "instrument " + in.get("id").asText()
                    + " has no in-force date, so it (and any provision without a date of its own) is never treated as in force");
        }
        for (int j = 0; j < provisions.size(); j++) {
            JsonNode p = provisions.get(j);
            String pat = at + "/provisions/" + j;
            unique(json, pat + "/id", p.get("id").asText(), "provision");
            String insertedBy = text(p, "insertedBy");
            if (insertedBy != null && !instrumentIds.contains(insertedBy)) {
                problems.error(json, pat + "/insertedBy", "provision " + p.get("id").asText()
                        + " cites instrument \"" + insertedBy + "\", which this file does not define");
            }
            if (inForce != null) {
                order(json, pat + "/inForce", inForce, "the instrument's inForce", date(p, "inForce"), "inForce");
            }
            if (p.has("inForceBasis") && !p.has("inForce")) {
                problems.error(json, pat + "/inForceBasis", "inForceBasis describes the provision's own inForce date,"
                        + " which is missing; without one the provision takes its instrument's date and basis");
            }
            if (p.has("retrieved") && !p.has("source")) {
                problems.error(json, pat + "/retrieved", "retrieved dates the provision's own source, which is"
                        + " missing; without one the provision takes its instrument's source and retrieval date");
            }
            JsonNode elements = p.get("elements");
            for (int k = 0; k < elements.size(); k++) {
                checkElement(json, elements.get(k), pat + "/elements/" + k);
            }
        }
    }

    private void checkElement(LocatedJson json, JsonNode element, String at) {
        checkElement(json, element, at, problems);
    }

    /** An attribute that does not apply to the element's type is an error at its line (docs/legal-elements.md). */
    public static void checkElement(LocatedJson json, JsonNode element, String at, Problems problems) {
        String type = element.get("type").asText();
        Set<String> allowed = ATTRIBUTES.get(type);
        element.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.error(json, at + "/" + name, "\"" + name + "\" does not apply to a " + type
                        + " element; it may carry " + new TreeSet<>(allowed));
            }
        });
    }

    /** What the tests' checks look up, built once per pack rather than once per tests file. */
    private record Defined(Set<String> codes, Set<String> provisions, Set<String> unreadable) {
        static Defined of(PackContent content) {
            Set<String> codes = new HashSet<>();
            Set<String> provisions = new HashSet<>();
            content.jurisdictions().forEach(j -> {
                codes.add(j.code());
                j.provisions().forEach(p -> provisions.add(p.id()));
            });
            // A case about a jurisdiction whose file failed to read would only repeat that file's error.
            Set<String> unreadable = new HashSet<>();
            content.files().list("jurisdictions", ".json").forEach(f -> unreadable.add(
                    f.substring("jurisdictions/".length(), f.length() - ".json".length())));
            unreadable.removeAll(codes);
            return new Defined(codes, provisions, unreadable);
        }
    }

    private void checkTests(PackContent content, Defined defined, LocatedJson json) {
        Set<String> codes = defined.codes();
        Set<String> provisions = defined.provisions();
        Set<String> unreadable = defined.unreadable();
        JsonNode cases = json.root().get("cases");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String at = "/cases/" + i;
            String edition = c.get("edition").asText();
            if (unreadable.contains(c.get("jurisdiction").asText())) {
                continue;
            }
            if (!content.descriptor().isModelLaw() && !codes.contains(c.get("jurisdiction").asText())) {
                problems.error(json, at + "/jurisdiction", "jurisdiction " + c.get("jurisdiction").asText()
                        + " is not defined by this pack (jurisdictions/" + c.get("jurisdiction").asText() + ".json)");
            }
            c.get("expect").fieldNames().forEachRemaining(id -> checkCriterion(json, at + "/expect/" + id, id, edition));
            c.path("expectEvidence").fields().forEachRemaining(e -> {
                checkCriterion(json, at + "/expectEvidence/" + e.getKey(), e.getKey(), edition);
                e.getValue().forEach(p -> {
                    if (!content.descriptor().isModelLaw() && !provisions.contains(p.asText())) {
                        problems.error(json, at + "/expectEvidence/" + e.getKey(), "expected evidence \"" + p.asText()
                                + "\" is not a provision id of this pack");
                    }
                });
            });
        }
    }

    /**
     * A criterion id named for one edition must exist in it; one named for no edition in particular (unassessed,
     * an interpretation without an edition) must exist in at least one of the loaded editions the pack targets, since
     * editions differ in their criteria (the 9th and earlier editions have no data retention).
     */
    private void checkCriterion(LocatedJson json, String at, String id, String edition) {
        List<String> editions = edition != null ? List.of(edition) : descriptor.editions();
        Map<String, Set<String>> known = new java.util.TreeMap<>();
        for (String e : editions) {
            Set<String> ids = criteria.get(e);
            if (ids != null) {
                known.put(e, ids);
            }
        }
        if (!known.isEmpty() && known.values().stream().noneMatch(ids -> ids.contains(id))) {
            problems.error(json, at, "unknown criterion id \"" + id + "\"; " + known.entrySet().stream()
                    .map(k -> "edition " + k.getKey() + " has " + k.getValue())
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    private void unique(LocatedJson json, String at, String id, String what) {
        String first = seenIds.putIfAbsent(id, json.file());
        if (first != null) {
            problems.error(json, at, "duplicate id \"" + id + "\": already used in " + first
                    + "; ids must be unique within a pack (this one is a " + what + ")");
        }
    }

    private void order(LocatedJson json, String at, LocalDate earlier, String earlierName, LocalDate later,
                       String laterName) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            problems.error(json, at, laterName + " (" + later + ") is before " + earlierName + " (" + earlier + ")");
        }
    }

    private static LocalDate date(JsonNode node, String field) {
        try {
            String text = text(node, field);
            return text == null ? null : LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null; // reported by the reader
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
