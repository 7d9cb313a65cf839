package org.lexgap.core.rules;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Finding;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Status;

/**
 * Everything a pack's rules may say: the whole allow-list, as one table. {@link RuleChecker} refuses whatever is
 * not in it; docs/pack-format.md shows the same table ({@link #markdown()}, kept equal by a test).
 *
 * <p>The set is what a rule about legal facts needs: match the facts of one jurisdiction, compare their values,
 * and conclude a {@link Finding}. Nothing in it reaches files, the network, threads, the framework or other packs,
 * and nothing in it can loop: a rule fires once per match, and the engine's budgets bound the rest.
 */
final class RuleLanguage {
    /** The api package every pack's DRL sees without importing it. */
    static final String API_PACKAGE = "org.lexgap.api.model";

    /** The parts of a rule the table speaks about, in the order the documentation lists them. */
    enum Part {
        FILE("A rules file holds"),
        ATTRIBUTE("Rule attributes"),
        FACT("Patterns match (with the fields a rule can read)"),
        CONDITION("Conditions"),
        ACCUMULATE("Accumulate functions"),
        OPERATOR("Operators"),
        VALUE("Values"),
        CALL("Calls, besides every fact field (`$e.provision()`)"),
        LOCAL("Local variables in a consequence"),
        CONSEQUENCE("A consequence does");

        final String heading;

        Part(String heading) {
            this.heading = heading;
        }
    }

    /**
     * One allowed construct. For {@link Part#CALL}: {@code type.name(parameters)} returning {@code result}
     * ({@code null}: the element type of the list or set it is called on).
     */
    record Allowed(Part part, String name, String detail, Class<?> type, List<Class<?>> parameters, Class<?> result) {
        String shown() {
            if (part == Part.CALL) {
                return "`" + type.getSimpleName() + "." + name + "(" + parameters.stream().map(Class::getSimpleName)
                        .collect(Collectors.joining(", ")) + ")`";
            }
            return "`" + name + "`" + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    /** The table. */
    static final List<Allowed> TABLE = List.of(
            // part              construct            what it takes or means
            allow(Part.FILE,       "rule \"name\" ... end", "(any number)"),
            allow(Part.FILE,       "//", "and `/* */` comments"),
            allow(Part.FILE,       "import " + API_PACKAGE + ".*", "(not needed: added for you)"),

            allow(Part.ATTRIBUTE,  "salience", "(a whole number)"),
            allow(Part.ATTRIBUTE,  "no-loop", "(true or false)"),
            allow(Part.ATTRIBUTE,  "lock-on-active", "(true or false)"),
            allow(Part.ATTRIBUTE,  "enabled", "(true or false)"),
            allow(Part.ATTRIBUTE,  "agenda-group", "(a name in quotes)"),
            allow(Part.ATTRIBUTE,  "activation-group", "(a name in quotes)"),

            fact(Jurisdiction.class),
            fact(Criterion.class),
            fact(Provision.class),
            fact(LegalElement.class),
            fact(Finding.class),

            allow(Part.CONDITION,  "$name : Fact( constraints )", "(a pattern; `$name :` is optional)"),
            allow(Part.CONDITION,  "$name : field", "(binds a field's value, inside a pattern)"),
            allow(Part.CONDITION,  "and", ""),
            allow(Part.CONDITION,  "or", ""),
            allow(Part.CONDITION,  "not", ""),
            allow(Part.CONDITION,  "exists", ""),
            allow(Part.CONDITION,  "forall", ""),
            allow(Part.CONDITION,  "accumulate( patterns ; $x : function( value ) [; constraints] )", "(built-in functions only)"),

            allow(Part.ACCUMULATE, "count", ""),
            allow(Part.ACCUMULATE, "sum", ""),
            allow(Part.ACCUMULATE, "min", ""),
            allow(Part.ACCUMULATE, "max", ""),
            allow(Part.ACCUMULATE, "average", ""),
            allow(Part.ACCUMULATE, "collectList", ""),
            allow(Part.ACCUMULATE, "collectSet", ""),

            allow(Part.OPERATOR,   "==", ""),
            allow(Part.OPERATOR,   "!=", ""),
            allow(Part.OPERATOR,   "<", ""),
            allow(Part.OPERATOR,   "<=", ""),
            allow(Part.OPERATOR,   ">", ""),
            allow(Part.OPERATOR,   ">=", ""),
            allow(Part.OPERATOR,   "in ( ... )", ""),
            allow(Part.OPERATOR,   "not in ( ... )", ""),
            allow(Part.OPERATOR,   "contains", ""),
            allow(Part.OPERATOR,   "not contains", ""),
            allow(Part.OPERATOR,   "memberOf", ""),
            allow(Part.OPERATOR,   "not memberOf", ""),
            allow(Part.OPERATOR,   "&&", ""),
            allow(Part.OPERATOR,   "||", ""),
            allow(Part.OPERATOR,   "!", ""),
            allow(Part.OPERATOR,   "+ - * / %", "(`+` also joins text)"),
            allow(Part.OPERATOR,   "( )", ""),

            allow(Part.VALUE,      "\"text\"", "(no backslashes in conditions)"),
            allow(Part.VALUE,      "12 -100 2.5", "(numbers)"),
            allow(Part.VALUE,      "true false null", ""),
            allow(Part.VALUE,      "Status.MET Status.NOT_MET Status.UNKNOWN", ""),
            allow(Part.VALUE,      "field", "(of the pattern's fact, in its constraints)"),
            allow(Part.VALUE,      "$name", "(bound earlier in the rule)"),
            allow(Part.VALUE,      "$name.field", "(in conditions) and `$name.field()`"),

            call(String.class, "length", int.class),
            call(String.class, "isEmpty", boolean.class),
            call(String.class, "isBlank", boolean.class),
            call(String.class, "startsWith", boolean.class, String.class),
            call(String.class, "endsWith", boolean.class, String.class),
            call(String.class, "contains", boolean.class, String.class),
            call(String.class, "indexOf", int.class, String.class),
            call(String.class, "substring", String.class, int.class, int.class),
            call(String.class, "equals", boolean.class, Object.class),
            call(String.class, "equalsIgnoreCase", boolean.class, String.class),
            call(String.class, "compareTo", int.class, String.class),
            call(String.class, "strip", String.class),
            call(LocalDate.class, "isBefore", boolean.class, LocalDate.class),
            call(LocalDate.class, "isAfter", boolean.class, LocalDate.class),
            call(LocalDate.class, "isEqual", boolean.class, LocalDate.class),
            call(LocalDate.class, "equals", boolean.class, Object.class),
            call(LocalDate.class, "compareTo", int.class, LocalDate.class),
            call(LocalDate.class, "getYear", int.class),
            call(LocalDate.class, "getMonthValue", int.class),
            call(LocalDate.class, "getDayOfMonth", int.class),
            call(List.class, "size", int.class),
            call(List.class, "isEmpty", boolean.class),
            call(List.class, "contains", boolean.class, Object.class),
            call(List.class, "get", null, int.class),
            call(Set.class, "size", int.class),
            call(Set.class, "isEmpty", boolean.class),
            call(Set.class, "contains", boolean.class, Object.class),
            call(Integer.class, "intValue", int.class),
            call(Integer.class, "equals", boolean.class, Object.class),

            local(String.class),
            local(Integer.class),
            local(Long.class),
            local(Double.class),
            local(Boolean.class),
            local(LocalDate.class),
            local(Status.class),
            local(Finding.class),
            allow(Part.LOCAL,      "int long double boolean", ""),

            allow(Part.CONSEQUENCE, "insert( new Finding( jurisdiction, criterion, status, provision, reason ) );",
                    "where `jurisdiction` comes from a fact (`$e.jurisdiction()`, `$j.code()`, or a variable bound to"
                            + " such a field), `criterion` is an id of the edition or comes from `$c.id()` or"
                            + " `$f.criterion()`, `status` is `Status.MET`, `Status.NOT_MET`, `Status.UNKNOWN` or"
                            + " `$f.status()`, `provision` is `$e.provision()` or `$p.id()` (required for MET and"
                            + " UNKNOWN) or `null`, and `reason` is text"),
            allow(Part.CONSEQUENCE, "Type name = value;", "(a local variable, of a type above)"),
            allow(Part.CONSEQUENCE, "insert( name );", "(of a `Finding` variable)"));

    private RuleLanguage() {
    }

    private static Allowed allow(Part part, String name, String detail) {
        return new Allowed(part, name, detail, null, List.of(), null);
    }

    private static Allowed fact(Class<? extends Record> type) {
        return new Allowed(Part.FACT, type.getSimpleName(), "(" + Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.joining(", ")) + ")", type, List.of(), null);
    }

    private static Allowed call(Class<?> type, String name, Class<?> result, Class<?>... parameters) {
        return new Allowed(Part.CALL, name, "", type, List.of(parameters), result);
    }

    private static Allowed local(Class<?> type) {
        return new Allowed(Part.LOCAL, type.getSimpleName(), "", type, List.of(), null);
    }

    static boolean allows(Part part, String name) {
        return TABLE.stream().anyMatch(a -> a.part() == part && a.name().equals(name));
    }

    static List<String> names(Part part) {
        return TABLE.stream().filter(a -> a.part() == part).map(Allowed::name).toList();
    }

    /** The fact types a pattern may match, by simple name. */
    static Map<String, Class<?>> facts() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        TABLE.stream().filter(a -> a.part() == Part.FACT).forEach(a -> out.put(a.name(), a.type()));
        return out;
    }

    /** The local-variable types, by simple name (primitives included). */
    static Map<String, Class<?>> localTypes() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        TABLE.stream().filter(a -> a.part() == Part.LOCAL && a.type() != null).forEach(a -> out.put(a.name(), a.type()));
        for (Class<?> primitive : List.of(int.class, long.class, double.class, boolean.class)) {
            out.put(primitive.getName(), primitive);
        }
        return out;
    }

    /** The allowed call of {@code name} with {@code arity} arguments on a value of type {@code type}, if any. */
    static Optional<Allowed> call(Class<?> type, String name, int arity) {
        return TABLE.stream().filter(a -> a.part() == Part.CALL && a.type() == type && a.name().equals(name)
                && a.parameters().size() == arity).findFirst();
    }

    /** The table as docs/pack-format.md shows it. */
    static String markdown() {
        StringBuilder out = new StringBuilder("| Part | Allowed |\n|---|---|\n");
        for (Part part : Part.values()) {
            List<String> items = new ArrayList<>();
            TABLE.stream().filter(a -> a.part() == part).forEach(a -> items.add(a.shown()));
            out.append("| ").append(part.heading).append(" | ").append(String.join(", ", items)
                    .replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
