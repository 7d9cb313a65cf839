package org.lexgap.core.amend;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.lexgap.api.model.AmendmentChange;
import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.Provision;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.pack.LocatedJson;
import org.lexgap.core.pack.PackChecker;
import org.lexgap.core.pack.Problems;
import org.lexgap.core.pack.SchemaCheck;

/**
 * Reads what-if amendment files with the pack reader's own parts: {@link LocatedJson} for positions,
 * {@link SchemaCheck} against docs/schema/amendment.schema.json, {@link PackChecker}'s element and placeholder
 * checks. Then checks what a schema cannot: the jurisdiction is loaded, every id repealed or amended is recorded
 * (or added by an earlier change), new ids are new, and dates are in order. Files are read in the order given, so a
 * later one may build on an earlier one. Every problem is located by file, line and column.
 */
public final class AmendmentReader {
    /** The amendments, when every file read without errors, and every problem found. */
    public record Result(List<Amendment> amendments, List<PackProblem> problems) {
        public boolean ok() {
            return amendments != null;
        }
    }

    /** Which fields each kind of change takes besides id, kind, title, note and from. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            Amendment.ADD_INSTRUMENT, Set.of("instrument"),
            Amendment.ADD_PROVISION, Set.of("to", "provision"),
            Amendment.REPEAL, Set.of("target"),
            Amendment.AMEND, Set.of("target", "section", "summary", "elements"));
    private static final Set<String> COMMON = Set.of("id", "kind", "title", "note", "from");
    private static final String SCAFFOLD = "lexgap amend new";

    /** An instrument's or provision's dates as the checks see them, with the instrument a provision belongs to. */
    private record Span(LocalDate inForce, LocalDate repealed, String instrument) {
    }

    /** What is known of one jurisdiction while its amendments are read: recorded ids and those added so far. */
    private static final class Known {
        final Map<String, Span> instruments = new LinkedHashMap<>();
        final Map<String, Span> provisions = new LinkedHashMap<>();
        final Set<String> inserting = new HashSet<>();

        Known(JurisdictionData data) {
            data.instruments().forEach(i -> instruments.put(i.id(), new Span(i.inForce(), i.repealed(), null)));
            data.provisions().forEach(p -> {
                provisions.put(p.id(), new Span(p.inForce(), p.repealed(), p.instrument()));
                if (p.insertedBy() != null) {
                    inserting.add(p.insertedBy());
                }
            });
        }

        boolean has(String id) {
            return instruments.containsKey(id) || provisions.containsKey(id);
        }
    }

    private final Function<String, Optional<JurisdictionData>> jurisdictions;
    private final Collection<String> loaded;
    private final Map<String, Known> known = new HashMap<>();

    private AmendmentReader(Function<String, Optional<JurisdictionData>> jurisdictions, Collection<String> loaded) {
        this.jurisdictions = jurisdictions;
        this.loaded = loaded;
    }

    /**
     * @param jurisdictions the serving law by jurisdiction code
     * @param loaded        the codes of the serving jurisdictions, for messages
     */
    public static Result read(List<AmendmentFile> files, Function<String, Optional<JurisdictionData>> jurisdictions,
                              Collection<String> loaded) {
        AmendmentReader reader = new AmendmentReader(jurisdictions, loaded);
        List<Amendment> out = new ArrayList<>();
        List<PackProblem> problems = new ArrayList<>();
        boolean ok = true;
        Set<String> names = new HashSet<>();
        for (AmendmentFile file : files) {
            Problems these = new Problems(file.name());
            if (!names.add(file.name())) {
                these.error(file.path(), 0, 0, "an amendment named " + file.name() + " is already given; reports name"
                        + " amendments by file name, so give each a different name");
            }
            Amendment amendment = reader.read(file, these);
            problems.addAll(these.list());
            if (amendment == null || these.hasErrors()) {
                ok = false;
            } else {
                out.add(amendment);
            }
        }
        return new Result(ok ? out : null, problems);
    }

    private Amendment read(AmendmentFile file, Problems problems) {
        LocatedJson json;
        try {
            json = LocatedJson.parse(file.path(), file.content());
        } catch (LocatedJson.Malformed e) {
            problems.error(file.path(), e.line, e.column, e.getMessage());
            return null;
        }
        if (!SchemaCheck.check(SchemaCheck.Kind.AMENDMENT, json, problems)) {
            return null;
        }
        PackChecker.checkPlaceholders(json, problems, SCAFFOLD);
        JsonNode root = json.root();
        String code = root.get("jurisdiction").asText();
        Optional<JurisdictionData> data = jurisdictions.apply(code);
        if (data.isEmpty()) {
            problems.error(json, "/jurisdiction", "unknown jurisdiction \"" + code + "\"; loaded: "
                    + String.join(", ", new TreeSet<>(loaded)));
            return null;
        }
        Known state = known.computeIfAbsent(code, c -> new Known(data.get()));
        List<Amendment.Change> changes = new ArrayList<>();
        Set<String> changeIds = new HashSet<>();
        JsonNode nodes = root.get("changes");
        for (int i = 0; i < nodes.size(); i++) {
            String at = "/changes/" + i;
            JsonNode node = nodes.get(i);
            if (!changeIds.add(node.get("id").asText())) {
                problems.error(json, at + "/id", "duplicate change id \"" + node.get("id").asText()
                        + "\"; ids must be unique within the file");
            }
            Amendment.Change change = change(json, file.name(), code, node, at, state, problems);
            if (change != null) {
                changes.add(change);
            }
        }
        return new Amendment(file.path(), file.name(), sha256(file.content()), root.get("title").asText(), code,
                root.get("note").asText(), changes);
    }

    private Amendment.Change change(LocatedJson json, String file, String code, JsonNode node, String at, Known state,
                                    Problems problems) {
        String kind = node.get("kind").asText();
        Set<String> takes = FIELDS.get(kind);
        node.fieldNames().forEachRemaining(name -> {
            if (!COMMON.contains(name) && !takes.contains(name)) {
                problems.error(json, at + "/" + name, "\"" + name + "\" does not apply to a change of kind " + kind
                        + "; it takes " + new TreeSet<>(takes));
            }
        });
        LocalDate from = date(json, node, at, "from", problems);
        if (from == null) {
            return null;
        }
        String id = node.get("id").asText();
        return switch (kind) {
            case Amendment.ADD_INSTRUMENT -> addInstrument(json, file, code, id, node, at, from, state, problems);
            case Amendment.ADD_PROVISION -> addProvision(json, file, code, id, node, at, from, state, problems);
            case Amendment.REPEAL -> repeal(json, file, id, node, at, from, state, problems);
            default -> amend(json, file, code, id, node, at, from, state, problems);
        };
    }

    private Amendment.Change addInstrument(LocatedJson json, String file, String code, String id, JsonNode node,
                                           String at, LocalDate from, Known state, Problems problems) {
        JsonNode in = node.get("instrument");
        String iat = at + "/instrument";
        String instrumentId = in.get("id").asText();
        newId(json, iat + "/id", instrumentId, code, state, problems);
        LocalDate enacted = date(json, in, iat, "enacted", problems);
        LocalDate repealed = date(json, in, iat, "repealed", problems);
        if (enacted != null && enacted.isAfter(from)) {
            problems.error(json, iat + "/enacted", "dates out of order: enacted (" + enacted
                    + ") is after the change's from (" + from + "), the date the instrument comes into force");
        }
        notBefore(json, iat + "/repealed", repealed, from, "the instrument comes into force (from)", problems, true);
        AmendmentChange ref = ref(file, id, node, from, instrumentId);
        String source = source(file, id);
        Instrument instrument = new Instrument(instrumentId, code, in.get("title").asText(), in.get("citation").asText(),
                enacted, from, repealed, null, source, true, node.get("note").asText());
        state.instruments.put(instrumentId, new Span(from, repealed, null));
        List<Provision> provisions = new ArrayList<>();
        JsonNode nodes = in.get("provisions");
        for (int j = 0; j < nodes.size(); j++) {
            String pat = iat + "/provisions/" + j;
            JsonNode p = nodes.get(j);
            LocalDate own = date(json, p, pat, "inForce", problems);
            if (own != null && own.isBefore(from)) {
                problems.error(json, pat + "/inForce", "dates out of order: the provision's inForce (" + own
                        + ") is before its instrument comes into force (from " + from + ")");
            }
            provisions.add(provision(json, code, instrumentId, p, pat, own != null ? own : from, repealed, source,
                    state, problems));
        }
        return new Amendment.Change(ref, instrument, provisions);
    }

    private Amendment.Change addProvision(LocatedJson json, String file, String code, String id, JsonNode node,
                                          String at, LocalDate from, Known state, Problems problems) {
        String to = node.get("to").asText();
        Span instrument = state.instruments.get(to);
        if (instrument == null) {
            problems.error(json, at + "/to", "unknown instrument id \"" + to + "\": " + code + " records "
                    + list(state.instruments.keySet()));
            return null;
        }
        if (instrument.inForce() != null && from.isBefore(instrument.inForce())) {
            problems.error(json, at + "/from", "dates out of order: the provision would start on " + from
                    + ", before instrument " + to + " comes into force (" + instrument.inForce() + ")");
        }
        if (instrument.repealed() != null && !from.isBefore(instrument.repealed())) {
            problems.error(json, at + "/from", "dates out of order: instrument " + to + " is repealed from "
                    + instrument.repealed() + ", so a provision cannot be added to it from " + from);
        }
        JsonNode p = node.get("provision");
        if (p.has("inForce")) {
            problems.error(json, at + "/provision/inForce", "inForce does not apply here: the change's from ("
                    + from + ") is the provision's in-force date");
        }
        String source = source(file, id);
        Provision provision = provision(json, code, to, p, at + "/provision", from, instrument.repealed(), source,
                state, problems);
        return new Amendment.Change(ref(file, id, node, from, provision.id()), null, List.of(provision));
    }

    private Amendment.Change repeal(LocatedJson json, String file, String id, JsonNode node, String at,
                                    LocalDate from, Known state, Problems problems) {
        String target = node.get("target").asText();
        boolean instrument = state.instruments.containsKey(target);
        Span span = instrument ? state.instruments.get(target) : state.provisions.get(target);
        if (span == null) {
            problems.error(json, at + "/target", "unknown instrument or provision id \"" + target + "\"; recorded: "
                    + list(state.provisions.keySet()) + " (provisions), " + list(state.instruments.keySet())
                    + " (instruments)");
            return null;
        }
        if (span.inForce() == null) {
            problems.warning(json, at + "/target", target + " has no in-force date, so it is never in force and"
                    + " repealing it changes nothing");
        } else if (!from.isAfter(span.inForce())) {
            problems.error(json, at + "/from", "dates out of order: " + target + " would be repealed from " + from
                    + ", but it comes into force on " + span.inForce());
        }
        if (span.repealed() != null && !from.isBefore(span.repealed())) {
            problems.warning(json, at + "/from", target + " is already repealed from " + span.repealed()
                    + "; this repeal changes nothing");
        }
        if (instrument) {
            boolean own = state.provisions.values().stream().anyMatch(p -> target.equals(p.instrument()));
            if (!own && state.inserting.contains(target)) {
                problems.warning(json, at + "/target", "instrument " + target + " has no provisions of its own; the"
                        + " provisions it inserted into another instrument stay in force: repeal those by their ids");
            }
            state.instruments.put(target, new Span(span.inForce(), earlier(span.repealed(), from), null));
            state.provisions.replaceAll((pid, p) -> target.equals(p.instrument())
                    ? new Span(p.inForce(), earlier(p.repealed(), from), p.instrument()) : p);
        } else {
            state.provisions.put(target, new Span(span.inForce(), earlier(span.repealed(), from), span.instrument()));
        }
        return new Amendment.Change(ref(file, id, node, from, target), null, List.of());
    }

    private Amendment.Change amend(LocatedJson json, String file, String code, String id, JsonNode node, String at,
                                   LocalDate from, Known state, Problems problems) {
        String target = node.get("target").asText();
        Span span = state.provisions.get(target);
        if (span == null) {
            problems.error(json, at + "/target", state.instruments.containsKey(target)
                    ? target + " is an instrument; amend changes a provision: add provisions to it or repeal them"
                    : "unknown provision id \"" + target + "\"; " + code + " records " + list(state.provisions.keySet()));
            return null;
        }
        if (span.inForce() != null && from.isBefore(span.inForce())) {
            problems.error(json, at + "/from", "dates out of order: " + target + " would be amended from " + from
                    + ", before it comes into force (" + span.inForce() + ")");
        }
        if (span.repealed() != null && !from.isBefore(span.repealed())) {
            problems.error(json, at + "/from", "dates out of order: " + target + " is repealed from " + span.repealed()
                    + ", so it cannot be amended from " + from);
        }
        List<LegalElement> elements = elements(json, code, target, node.get("elements"), at + "/elements", problems);
        // Instrument and section are the recorded provision's unless the change renumbers it: filled in when applied.
        Provision amended = new Provision(target, code, null, text(node, "section"), null, node.get("summary").asText(),
                from, null, source(file, id), true, elements);
        return new Amendment.Change(ref(file, id, node, from, target), null, List.of(amended));
    }

    private Provision provision(LocatedJson json, String code, String instrument, JsonNode p, String at,
                                LocalDate inForce, LocalDate instrumentRepealed, String source, Known state,
                                Problems problems) {
        String id = p.get("id").asText();
        newId(json, at + "/id", id, code, state, problems);
        LocalDate repealed = date(json, p, at, "repealed", problems);
        notBefore(json, at + "/repealed", repealed, inForce, "the provision comes into force", problems, true);
        LocalDate until = repealed != null ? repealed : instrumentRepealed;
        state.provisions.put(id, new Span(inForce, until, instrument));
        return new Provision(id, code, instrument, p.get("section").asText(), null, p.get("summary").asText(), inForce,
                until, source, true, elements(json, code, id, p.get("elements"), at + "/elements", problems));
    }

    private static List<LegalElement> elements(LocatedJson json, String code, String provision, JsonNode nodes,
                                               String at, Problems problems) {
        List<LegalElement> out = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            JsonNode e = nodes.get(k);
            PackChecker.checkElement(json, e, at + "/" + k, problems);
            out.add(new LegalElement(code, provision, e.get("type").asText(), text(e, "subject"), text(e, "conduct"),
                    text(e, "intent"), text(e, "medium"), text(e, "bearer"), text(e, "action"),
                    e.has("ageLimit") ? e.get("ageLimit").asInt() : null, text(e, "aggravation")));
        }
        return out;
    }

    private static void newId(LocatedJson json, String at, String id, String code, Known state, Problems problems) {
        if (state.has(id)) {
            problems.error(json, at, "id \"" + id + "\" is already recorded for " + code
                    + " (or added by an earlier change); a hypothetical instrument or provision needs a new id");
        }
    }

    private static void notBefore(LocatedJson json, String at, LocalDate later, LocalDate earlier, String what,
                                  Problems problems, boolean strictly) {
        if (later != null && earlier != null && (strictly ? !later.isAfter(earlier) : later.isBefore(earlier))) {
            problems.error(json, at, "dates out of order: repealed (" + later + ") must be after " + what + " ("
                    + earlier + ")");
        }
    }

    private static AmendmentChange ref(String file, String id, JsonNode node, LocalDate from, String target) {
        return new AmendmentChange(file, id, node.get("kind").asText(), node.get("title").asText(),
                node.get("note").asText(), from, target);
    }

    /** What evidence from a hypothetical provision gives as its source, so that every format says so. */
    private static String source(String file, String change) {
        return "Hypothetical, not law: amendment " + file + ", change " + change;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
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

    private static String list(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
        return sorted.size() <= 30 ? sorted.toString()
                : sorted.subList(0, 30) + " and " + (sorted.size() - 30) + " more";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
