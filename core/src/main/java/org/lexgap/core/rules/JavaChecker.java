package org.lexgap.core.rules;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Finding;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Status;
import org.lexgap.core.pack.Vocabulary;

/**
 * Checks the Java expressions of a rule (its constraints, accumulate arguments and consequence) against
 * {@link RuleLanguage}, on the syntax tree JavaParser builds from exactly the text Drools will compile. Every name is
 * resolved: to a fact's field, a variable the rule bound, a local variable, or {@code Status}; every call to a
 * fact field or an entry of the method table, on the static type of what it is called on. What resolves to
 * nothing in the table is refused, whatever it is called or however it is spelt.
 *
 * <p>It also follows where values come from, for what a {@link Finding} may say: its jurisdiction must come from a
 * fact (so a pack concludes only about the jurisdiction assessed), and a MET finding must cite a provision of the
 * facts.
 */
final class JavaChecker {
    /** Where a value comes from. */
    enum Origin { NONE, JURISDICTION, PROVISION, CRITERION, STATUS }

    /**
     * A value's static type (boxed), its element type for lists and sets, where it comes from, and what the checks
     * know of it: a literal status or text, or the legal-element attribute it is.
     */
    record Value(Class<?> type, Class<?> element, Origin origin, Status status, String text, String attribute) {
        static Value of(Class<?> type) {
            return new Value(box(type), null, Origin.NONE, null, null, null);
        }

        static Value of(Type type, Origin origin, String attribute) {
            if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                    && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                return new Value((Class<?>) p.getRawType(), element, origin, null, null, attribute);
            }
            return new Value(box(type instanceof Class<?> c ? c : Object.class), null, origin, null, null, attribute);
        }

        Value withOrigin(Origin o) {
            return new Value(type, element, o, status, text, attribute);
        }

        boolean isNumber() {
            return Number.class.isAssignableFrom(type);
        }
    }

    /** Receives a refusal at a character offset of the file. */
    interface Sink {
        void error(int offset, String message);
    }

    static final Set<String> RESERVED = Set.of("drools", "kcontext", "end", "insert", "insertLogical", "insertAsync",
            "update", "retract", "delete", "modify", "modifyRetract", "modifyInsert", "bolster", "don", "shed", "ward",
            "grant", "entryPoints", "channels", "exitPoints");
    private static final Pattern LOCAL_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,40}");
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "kotlin", "scala", "groovy", "mvel", "mvel2");
    private static final ParserConfiguration CONFIGURATION = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setPreprocessUnicodeEscapes(false)
            .setAttributeComments(false);

    private final Map<String, Value> names;
    private final Class<?> pattern;
    private final boolean condition;
    private final Set<String> criteria;
    private final Sink sink;
    private Snippet snippet;

    /**
     * @param names     the variables in scope (bound facts and fields; locals are added as declared)
     * @param pattern   the fact type whose fields unqualified names mean, or {@code null}
     * @param condition true for conditions (compiled by MVEL: {@code $e.field} reads a field), false for a
     *                  consequence (compiled as Java)
     * @param criteria  the criterion ids a rule may name; empty to skip that check
     */
    JavaChecker(Map<String, Value> names, Class<?> pattern, boolean condition, Set<String> criteria, Sink sink) {
        this.names = new LinkedHashMap<>(names);
        this.pattern = pattern;
        this.condition = condition;
        this.criteria = criteria;
        this.sink = sink;
    }

    /** Checks {@code text}, found at file offset {@code at}, as one expression; {@code null} when refused. */
    Value expression(String text, int at) {
        snippet = new Snippet(text, at, 0);
        ParseResult<Expression> parsed = new JavaParser(CONFIGURATION).parseExpression(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refuseSyntax(parsed.getProblems(), "this is not an expression a rule may use");
            return null;
        }
        if (parsed.getCommentsCollection().map(c -> !c.getComments().isEmpty()).orElse(false)) {
            error(at, "comments are not allowed inside a condition; put them on a line of their own");
            return null;
        }
        return check(parsed.getResult().get());
    }

    /** Checks a consequence ({@code then} ... {@code end}) found at file offset {@code at}. */
    void consequence(String text, int at) {
        snippet = new Snippet(text, at, 1);
        ParseResult<BlockStmt> parsed = new JavaParser(CONFIGURATION).parseBlock("{" + text + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refuseSyntax(parsed.getProblems(), "this is not a consequence a rule may have");
            return;
        }
        for (Statement statement : parsed.getResult().get().getStatements()) {
            statement(statement);
        }
    }

    private void statement(Statement statement) {
        if (statement instanceof EmptyStmt) {
            return;
        }
        if (statement instanceof ExpressionStmt s) {
            Expression e = s.getExpression();
            if (e instanceof VariableDeclarationExpr declaration) {
                declare(declaration);
                return;
            }
            if (e instanceof MethodCallExpr call && call.getScope().isEmpty() && call.getNameAsString().equals("insert")
                    && call.getArguments().size() == 1 && call.getTypeArguments().isEmpty()) {
                Expression inserted = call.getArgument(0);
                if (inserted instanceof ObjectCreationExpr creation) {
                    finding(creation);
                    return;
                }
                Value v = check(inserted);
                if (v != null && v.type() != Finding.class) {
                    refuse(inserted, "a rule may insert only a Finding: insert( new Finding( ... ) )");
                }
                return;
            }
            if (e instanceof MethodCallExpr call && call.getScope().isEmpty()
                    && Set.of("delete", "retract", "update", "modify", "insertLogical").contains(call.getNameAsString())) {
                refuse(e, "\"" + call.getNameAsString() + "\" is not allowed: a rule may only add findings, never"
                        + " change or remove facts (the model law's criteria, the law in force, or other findings)");
                return;
            }
            if (e instanceof MethodCallExpr || e instanceof ObjectCreationExpr) {
                // Say what is wrong with the call itself (an unknown name, a method not in the table).
                if (check(e) != null) {
                    refuse(e, "a consequence may only insert findings and declare local values; this does neither");
                }
                return;
            }
            refuse(e, "a consequence may only insert findings and declare local values; this does neither");
            return;
        }
        if (statement instanceof ForStmt || statement instanceof ForEachStmt || statement instanceof WhileStmt
                || statement instanceof DoStmt) {
            refuse(statement, "loops are not allowed in rules: a rule fires once for each match of its conditions");
        } else if (statement instanceof IfStmt) {
            refuse(statement, "\"if\" is not allowed in a consequence: put the test in the rule's conditions (when)");
        } else if (statement instanceof BlockStmt) {
            refuse(statement, "blocks { } are not allowed in a consequence");
        } else {
            refuse(statement, "this statement is not allowed in a consequence, which may only insert findings and"
                    + " declare local values");
        }
    }

    private void declare(VariableDeclarationExpr declaration) {
        if (!declaration.getAnnotations().isEmpty() || declaration.getModifiers().stream()
                .anyMatch(m -> m.getKeyword() != Modifier.Keyword.FINAL)) {
            refuse(declaration, "a local variable takes no annotations or modifiers");
            return;
        }
        for (VariableDeclarator variable : declaration.getVariables()) {
            String name = variable.getNameAsString();
            Class<?> type = localType(variable);
            if (type == null) {
                continue;
            }
            if (!LOCAL_NAME.matcher(name).matches() || RESERVED.contains(name) || names.containsKey(name)) {
                refuse(variable.getName(), "\"" + name + "\" cannot name a local variable: use a new name of letters"
                        + " and digits starting with a lower-case letter (not " + String.join(", ", new TreeSet<>(RESERVED)) + ")");
                continue;
            }
            if (variable.getInitializer().isEmpty()) {
                refuse(variable, "a local variable needs its value: " + variable.getTypeAsString() + " " + name + " = ...;");
                continue;
            }
            Expression init = variable.getInitializer().get();
            Value value;
            if (type == Finding.class) {
                if (!(init instanceof ObjectCreationExpr creation)) {
                    refuse(init, "a Finding variable holds a new Finding( ... )");
                    continue;
                }
                value = finding(creation);
            } else {
                value = check(init);
                if (value != null && value.type() != Void.class && !assignable(type, value)) {
                    refuse(init, "a " + type.getSimpleName() + " variable cannot hold a " + value.type().getSimpleName());
                    continue;
                }
            }
            if (value != null) {
                names.put(name, value.type() == Void.class ? Value.of(type) : new Value(box(type), value.element(),
                        value.origin(), value.status(), value.text(), value.attribute()));
            }
        }
    }

    private Class<?> localType(VariableDeclarator variable) {
        Map<String, Class<?>> allowed = RuleLanguage.localTypes();
        String shown = variable.getType().asString();
        Class<?> type = null;
        if (variable.getType() instanceof PrimitiveType p) {
            type = allowed.get(p.asString());
        } else if (variable.getType() instanceof ClassOrInterfaceType c && c.getScope().isEmpty()
                && c.getTypeArguments().isEmpty() && c.getAnnotations().isEmpty()) {
            type = allowed.get(c.getNameAsString());
        }
        if (type == null) {
            refuse(variable.getType(), "a local variable may be of type " + String.join(", ", allowed.keySet())
                    + ", not " + shown);
        }
        return type;
    }

    private static boolean assignable(Class<?> declared, Value value) {
        Class<?> target = box(declared);
        if (target == value.type() || target == Object.class || value.type() == Object.class) {
            return true;
        }
        return Number.class.isAssignableFrom(target) && value.isNumber();
    }

    /** A {@code new Finding( ... )}: what each argument may be, for the evidence to hold. */
    private Value finding(ObjectCreationExpr creation) {
        if (!creation.getType().getNameAsString().equals("Finding") || creation.getType().getScope().isPresent()
                || creation.getType().getTypeArguments().isPresent() || creation.getAnonymousClassBody().isPresent()
                || creation.getScope().isPresent() || creation.getTypeArguments().isPresent()) {
            refuse(creation, "a rule may create only a Finding: new Finding( jurisdiction, criterion, status,"
                    + " provision, reason ), never " + creation.getType().asString() + " or other objects");
            return null;
        }
        if (creation.getArguments().size() != 5) {
            refuse(creation, "a Finding takes five values: jurisdiction, criterion, status, provision, reason");
            return null;
        }
        List<Value> args = new ArrayList<>();
        for (Expression argument : creation.getArguments()) {
            args.add(check(argument));
        }
        if (args.contains(null)) {
            return null;
        }
        boolean ok = true;
        if (args.get(0).origin() != Origin.JURISDICTION) {
            ok = refuse(creation.getArgument(0), "a finding's jurisdiction must come from the facts, for example"
                    + " $e.jurisdiction() or $j.code(): a pack concludes only about the jurisdiction being assessed");
        }
        Value criterion = args.get(1);
        if (criterion.origin() != Origin.CRITERION && criterion.text() == null) {
            ok = refuse(creation.getArgument(1), "a finding's criterion is a criterion id in quotes, or $c.id() of a"
                    + " Criterion or $f.criterion() of a Finding");
        } else if (criterion.origin() != Origin.CRITERION) {
            ok &= criterionId(criterion.text(), creation.getArgument(1));
        }
        Value status = args.get(2);
        // MET says "this provision meets the criterion"; UNKNOWN says "this provision's recorded elements leave the
        // criterion open" (for example an offence whose intent is unspecified): both must name the provision.
        boolean cites = status.status() == Status.MET || status.status() == Status.UNKNOWN;
        if (status.status() == null && status.origin() != Origin.STATUS) {
            ok = refuse(creation.getArgument(2), "a finding's status is Status.MET, Status.NOT_MET or Status.UNKNOWN"
                    + " (or $f.status() of a Finding)");
        }
        Value provision = args.get(3);
        if (cites && provision.origin() != Origin.PROVISION) {
            ok = refuse(creation.getArgument(3), (status.status() == Status.MET ? "a " : "an ") + status.status()
                    + " finding must cite the provision it rests"
                    + " on: $e.provision() of a LegalElement or $p.id() of a Provision in force, not "
                    + creation.getArgument(3));
        } else if (!cites && provision.origin() != Origin.PROVISION && provision.type() != Void.class) {
            ok = refuse(creation.getArgument(3), "a finding cites a provision of the facts ($e.provision() of a"
                    + " LegalElement or $p.id() of a Provision) or null");
        }
        if (args.get(4).type() != String.class) {
            ok = refuse(creation.getArgument(4), "a finding's reason is a sentence in quotes");
        }
        return ok ? new Value(Finding.class, null, Origin.NONE, status.status(), null, null) : null;
    }

    /** The value of an expression, or {@code null} (with the refusal reported). */
    Value check(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            if (condition && s.getValue().indexOf('\\') >= 0) {
                return refuseValue(e, "backslashes are not allowed in the text of a condition");
            }
            return new Value(String.class, null, Origin.NONE, null, s.asString(), null);
        }
        if (e instanceof TextBlockLiteralExpr) {
            return refuseValue(e, "text blocks (\"\"\") are not allowed in rules; write \"...\" + \"...\"");
        }
        if (e instanceof CharLiteralExpr) {
            return refuseValue(e, "single quotes are not allowed in rules: write text in double quotes");
        }
        if (e instanceof IntegerLiteralExpr) {
            return Value.of(Integer.class);
        }
        if (e instanceof LongLiteralExpr) {
            return Value.of(Long.class);
        }
        if (e instanceof DoubleLiteralExpr) {
            return Value.of(Double.class);
        }
        if (e instanceof BooleanLiteralExpr) {
            return Value.of(Boolean.class);
        }
        if (e instanceof NullLiteralExpr) {
            return Value.of(Void.class);
        }
        if (e instanceof EnclosedExpr enclosed) {
            return check(enclosed.getInner());
        }
        if (e instanceof NameExpr name) {
            return name(name);
        }
        if (e instanceof FieldAccessExpr field) {
            return field(field);
        }
        if (e instanceof MethodCallExpr call) {
            return call(call);
        }
        if (e instanceof BinaryExpr binary) {
            return binary(binary);
        }
        if (e instanceof UnaryExpr unary) {
            return unary(unary);
        }
        if (e instanceof ObjectCreationExpr creation) {
            return refuseValue(e, "\"new " + creation.getType().asString() + "\" is not allowed: a rule may create"
                    + " only a Finding, inside insert( new Finding( ... ) )");
        }
        return refuseValue(e, describe(e) + " is not allowed in rules: packs are data, not programs (allowed:"
                + " docs/pack-format.md, \"rules/*.drl\")");
    }

    private Value name(NameExpr e) {
        String name = e.getNameAsString();
        Value bound = names.get(name);
        if (bound != null) {
            return bound;
        }
        if (condition && pattern != null) {
            RecordComponent component = component(pattern, name);
            if (component != null) {
                return Value.of(component.getGenericType(), origin(pattern, name), attribute(pattern, name));
            }
        }
        return refuseValue(e, unknownName(name));
    }

    private String unknownName(String name) {
        if (PACKAGE_ROOTS.contains(name)) {
            return "fully qualified Java names (" + name + ". ...) are not allowed in rules: a rule names only its"
                    + " facts and their fields";
        }
        if (name.equals("Status")) {
            return "write Status.MET, Status.NOT_MET or Status.UNKNOWN";
        }
        if (RESERVED.contains(name)) {
            return "\"" + name + "\" is not allowed in rules: it reaches the rule engine itself";
        }
        if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
            return "type \"" + name + "\" is not allowed in rules; a rule may name its facts (" + String.join(", ",
                    RuleLanguage.facts().keySet()) + ") and Status";
        }
        return "\"" + name + "\" is not " + (condition && pattern != null ? "a field of " + pattern.getSimpleName()
                + " nor " : "") + "a variable bound earlier in this rule" + (names.isEmpty() ? ""
                : " (bound: " + String.join(", ", names.keySet()) + ")");
    }

    private Value field(FieldAccessExpr e) {
        String name = e.getNameAsString();
        if (e.getScope() instanceof NameExpr scope && scope.getNameAsString().equals("Status")
                && !names.containsKey("Status")) {
            try {
                Status status = Status.valueOf(name);
                return new Value(Status.class, null, Origin.NONE, status, null, null);
            } catch (IllegalArgumentException unknown) {
                return refuseValue(e, "Status has MET, NOT_MET and UNKNOWN, not " + name);
            }
        }
        Value scope = check(e.getScope());
        if (scope == null) {
            return null;
        }
        RecordComponent component = component(scope.type(), name);
        if (component == null) {
            return refuseValue(e.getName(), "\"" + name + "\" is not a field of " + scope.type().getSimpleName()
                    + fields(scope.type()));
        }
        if (!condition) {
            return refuseValue(e.getName(), "in a consequence, read a field with parentheses: ." + name + "()");
        }
        return Value.of(component.getGenericType(), origin(scope.type(), name), attribute(scope.type(), name));
    }

    private Value call(MethodCallExpr e) {
        String name = e.getNameAsString();
        if (e.getScope().isEmpty()) {
            return refuseValue(e, "\"" + name + "( ... )\" is not something a rule may call: rules call only the"
                    + " fields of their facts and the methods listed in docs/pack-format.md");
        }
        if (e.getTypeArguments().isPresent()) {
            return refuseValue(e, "type arguments are not allowed in rules");
        }
        Value scope = check(e.getScope().get());
        if (scope == null) {
            return null;
        }
        List<Value> args = new ArrayList<>();
        for (Expression argument : e.getArguments()) {
            Value v = check(argument);
            if (v == null) {
                return null;
            }
            args.add(v);
        }
        RecordComponent component = args.isEmpty() ? component(scope.type(), name) : null;
        if (component != null && RuleLanguage.facts().containsValue(scope.type())) {
            return Value.of(component.getGenericType(), origin(scope.type(), name), attribute(scope.type(), name));
        }
        Optional<RuleLanguage.Allowed> allowed = RuleLanguage.call(scope.type(), name, args.size());
        if (allowed.isEmpty()) {
            return refuseValue(e.getName(), "\"" + name + "\" is not something a rule may call on "
                    + article(scope.type()) + "; allowed: " + allowedCalls(scope.type()));
        }
        List<Class<?>> parameters = allowed.get().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Class<?> expected = box(parameters.get(i));
            Value actual = args.get(i);
            if (expected != Object.class && actual.type() != expected && actual.type() != Object.class
                    && !(expected == Integer.class && actual.isNumber())) {
                return refuseValue(e.getArgument(i), name + " takes " + article(expected) + " here, not "
                        + article(actual.type()));
            }
        }
        Class<?> result = allowed.get().result();
        return result == null ? Value.of(scope.element() == null ? Object.class : scope.element()) : Value.of(result);
    }

    private Value binary(BinaryExpr e) {
        Value left = check(e.getLeft());
        Value right = check(e.getRight());
        if (left == null || right == null) {
            return null;
        }
        switch (e.getOperator()) {
            case OR:
            case AND:
            case EQUALS:
            case NOT_EQUALS:
            case LESS:
            case LESS_EQUALS:
            case GREATER:
            case GREATER_EQUALS:
                return Value.of(Boolean.class);
            case PLUS:
                if (left.type() == String.class || right.type() == String.class) {
                    return Value.of(String.class);
                }
                return numeric(e, left, right);
            case MINUS:
            case MULTIPLY:
            case DIVIDE:
            case REMAINDER:
                return numeric(e, left, right);
            default:
                return refuseValue(e, "the operator " + e.getOperator().asString() + " is not allowed in rules");
        }
    }

    private Value numeric(BinaryExpr e, Value left, Value right) {
        if (!left.isNumber() && left.type() != Object.class || !right.isNumber() && right.type() != Object.class) {
            return refuseValue(e, "arithmetic (" + e.getOperator().asString() + ") needs numbers on both sides");
        }
        return Value.of(left.type() == Double.class || right.type() == Double.class ? Double.class : Long.class);
    }

    private Value unary(UnaryExpr e) {
        Value inner = check(e.getExpression());
        if (inner == null) {
            return null;
        }
        switch (e.getOperator()) {
            case LOGICAL_COMPLEMENT:
                return Value.of(Boolean.class);
            case MINUS:
            case PLUS:
                return inner.isNumber() ? inner : refuseValue(e, "a sign (+ or -) goes before a number");
            default:
                return refuseValue(e, "the operator " + e.getOperator().asString() + " is not allowed in rules: it"
                        + " changes a value");
        }
    }

    /** Checks a criterion id written in quotes. */
    boolean criterionId(String id, Node where) {
        if (!criteria.isEmpty() && !criteria.contains(id)) {
            refuse(where, "unknown criterion id \"" + id + "\"; expected one of " + new TreeSet<>(criteria));
            return false;
        }
        return true;
    }

    /** Checks a value compared with a legal-element attribute or a criterion id. */
    static String vocabularyProblem(Value field, Value literal, Set<String> criteria) {
        if (literal.text() == null) {
            return null;
        }
        if (field.attribute() != null) {
            Set<String> allowed = Vocabulary.values().get(field.attribute());
            if (allowed != null && !allowed.contains(literal.text())) {
                return "\"" + literal.text() + "\" is not a declared value of " + field.attribute() + "; expected one of "
                        + Vocabulary.allowed(field.attribute()) + " (docs/legal-elements.md)";
            }
        }
        if (field.origin() == Origin.CRITERION && !criteria.isEmpty() && !criteria.contains(literal.text())) {
            return "unknown criterion id \"" + literal.text() + "\"; expected one of " + new TreeSet<>(criteria);
        }
        return null;
    }

    /** The variables in scope now, with the local ones declared so far. */
    Map<String, Value> names() {
        return names;
    }

    static Origin origin(Class<?> type, String field) {
        if (field.equals("jurisdiction") && (type == LegalElement.class || type == Provision.class || type == Finding.class)
                || type == Jurisdiction.class && field.equals("code")) {
            return Origin.JURISDICTION;
        }
        if (type == LegalElement.class && field.equals("provision") || type == Provision.class && field.equals("id")) {
            return Origin.PROVISION;
        }
        if (type == Criterion.class && field.equals("id") || type == Finding.class && field.equals("criterion")) {
            return Origin.CRITERION;
        }
        if (type == Finding.class && field.equals("status")) {
            return Origin.STATUS;
        }
        return Origin.NONE;
    }

    private static String attribute(Class<?> type, String field) {
        return type == LegalElement.class && Vocabulary.values().containsKey(field) ? field : null;
    }

    static RecordComponent component(Class<?> type, String name) {
        if (!type.isRecord() || !RuleLanguage.facts().containsValue(type)) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static String fields(Class<?> type) {
        if (!RuleLanguage.facts().containsValue(type)) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(component.getName());
        }
        return "; its fields: " + String.join(", ", names);
    }

    private static String allowedCalls(Class<?> type) {
        List<String> calls = new ArrayList<>();
        if (RuleLanguage.facts().containsValue(type)) {
            for (RecordComponent component : type.getRecordComponents()) {
                calls.add(component.getName() + "()");
            }
        }
        RuleLanguage.TABLE.stream().filter(a -> a.part() == RuleLanguage.Part.CALL && a.type() == type)
                .forEach(a -> calls.add(a.name() + "(" + String.join(", ", a.parameters().stream()
                        .map(Class::getSimpleName).toList()) + ")"));
        return calls.isEmpty() ? "nothing" : String.join(", ", calls);
    }

    private static String article(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Void.class) {
            return "null";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Object.class) {
            return "a value of unknown type";
        }
        return "a " + type.getSimpleName();
    }

    private static String describe(Expression e) {
        String kind = e.getClass().getSimpleName().replace("Expr", "");
        return switch (kind) {
            case "Class" -> "a class literal (.class)";
            case "Lambda" -> "a lambda (->)";
            case "MethodReference" -> "a method reference (::)";
            case "Assign" -> "an assignment (=)";
            case "Cast" -> "a cast";
            case "InstanceOf" -> "instanceof";
            case "ArrayAccess", "ArrayCreation", "ArrayInitializer" -> "an array";
            case "Conditional" -> "a conditional (? :)";
            case "This", "Super" -> "\"" + kind.toLowerCase(Locale.ROOT) + "\"";
            case "Switch" -> "a switch";
            default -> "this " + kind.toLowerCase(Locale.ROOT) + " expression";
        };
    }

    static Class<?> box(Class<?> type) {
        if (type == int.class || type == short.class || type == byte.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class || type == float.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    private void refuseSyntax(List<Problem> problems, String what) {
        Problem first = problems.isEmpty() ? null : problems.get(0);
        int at = snippet.base();
        if (first != null) {
            Optional<Position> position = first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin);
            if (position.isPresent()) {
                at = snippet.fileOffset(position.get());
            }
        }
        String detail = first == null ? "" : first.getMessage().lines().findFirst().orElse("").strip();
        error(at, what + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    private boolean refuse(Node node, String message) {
        error(node.getBegin().map(snippet::fileOffset).orElse(snippet.base()), message);
        return false;
    }

    private Value refuseValue(Node node, String message) {
        refuse(node, message);
        return null;
    }

    private void error(int offset, String message) {
        sink.error(offset, message);
    }

    /** Text parsed after {@code prefix} characters of wrapping, found at file offset {@code base}. */
    private record Snippet(String text, int base, int prefix) {
        int fileOffset(Position position) {
            int line = 1;
            int index = 0;
            while (line < position.line && index < text.length()) {
                int next = text.indexOf('\n', index);
                if (next < 0) {
                    index = text.length();
                    break;
                }
                index = next + 1;
                line++;
            }
            int column = position.column - 1 - (position.line == 1 ? prefix : 0);
            return base + Math.min(text.length(), index + Math.max(column, 0));
        }
    }
}
