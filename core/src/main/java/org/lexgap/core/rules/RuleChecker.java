package org.lexgap.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.CommonTokenStream;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.RecognizerSharedState;
import org.antlr.runtime.Token;
import org.drools.compiler.lang.DescrDumper;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DRLFactory;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.lang.DRLExpressions;
import org.drools.drl.parser.lang.DRLLexer;
import org.drools.drl.parser.lang.ParserHelper;
import org.kie.internal.builder.conf.LanguageLevelOption;

import org.lexgap.core.pack.Problems;
import org.lexgap.core.rules.JavaChecker.Value;

/**
 * The allow-list over the parsed rules: walks the descriptors Drools' own DRL parser built from a file and refuses,
 * at the file, line and column, every part that is not in {@link RuleLanguage}. The compiler is then given exactly
 * these descriptors (never the text again), so what was checked is what is compiled.
 *
 * <p>Constraint text is parsed with the same DRL expression parser the compiler uses, and each operand of it with
 * JavaParser ({@link JavaChecker}); a consequence is parsed whole with JavaParser. It also bounds each rule's joins:
 * a rule whose patterns could combine more facts than {@link RuleBudget#joinLimit()} for the facts at hand is
 * refused before it runs.
 */
final class RuleChecker {
    static final LanguageLevelOption LANGUAGE = LanguageLevelOption.DRL6;

    private static final String KEY_VALUE = "(\\$[A-Za-z0-9_]+(?:\\.[A-Za-z]+(?:\\(\\))?)?|\"[^\"\\\\]*\")";
    private static final Pattern KEY = Pattern.compile("\\s*([A-Za-z]+)\\s*==\\s*" + KEY_VALUE + "\\s*");
    private static final Pattern KEY_REVERSED = Pattern.compile("\\s*" + KEY_VALUE + "\\s*==\\s*([A-Za-z]+)\\s*");
    private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z][A-Za-z0-9_]{0,40}");
    private static final Pattern END_LINE = Pattern.compile("(?m)^[ \\t]*end(?![A-Za-z0-9_$])");
    private static final Pattern SALIENCE = Pattern.compile("-?[0-9]{1,6}");
    private static final Pattern GROUP = Pattern.compile("[\\p{L}\\p{N} _.:-]{1,80}");

    private final DrlSource source;
    private final RuleContext context;
    private final Problems problems;
    private boolean ok = true;

    private RuleChecker(DrlSource source, RuleContext context, Problems problems) {
        this.source = source;
        this.context = context;
        this.problems = problems;
    }

    /** Checks a parsed file; returns its rules when every part is allowed, else {@code null}. */
    static List<RuleDescr> check(DrlSource source, PackageDescr descr, RuleContext context, Problems problems) {
        RuleChecker checker = new RuleChecker(source, context, problems);
        checker.checkPackage(descr);
        return checker.ok ? descr.getRules() : null;
    }

    private void checkPackage(PackageDescr descr) {
        if (descr.getName() != null && !descr.getName().isEmpty()) {
            Matcher declared = Pattern.compile("(?m)^\\s*package\\b").matcher(source.text());
            error(declared.find() ? declared.start() + declared.group().indexOf("package") : 0,
                    "do not declare a package: the loader gives each pack its own");
        }
        for (ImportDescr i : descr.getImports()) {
            String target = i.getTarget();
            boolean api = target.equals(RuleLanguage.API_PACKAGE + ".*") || target.startsWith(RuleLanguage.API_PACKAGE + ".")
                    && RuleLanguage.facts().containsKey(target.substring(RuleLanguage.API_PACKAGE.length() + 1));
            if (!api) {
                error(at(i), "import of \"" + target + "\" is not allowed: rules may use only the api types, which are"
                        + " imported for you");
            }
        }
        refuseAll(descr.getFunctionImports(), "importing functions is not allowed in rules");
        refuseAll(descr.getAccumulateImports(), "importing accumulate functions is not allowed; use the built-in"
                + " ones: " + String.join(", ", RuleLanguage.names(RuleLanguage.Part.ACCUMULATE)));
        refuseAll(descr.getGlobals(), "globals are not allowed in rules: a rule sees only the facts of the"
                + " jurisdiction being assessed");
        refuseAll(descr.getFunctions(), "functions are not allowed in rules: packs are data, not programs");
        refuseAll(descr.getTypeDeclarations(), "declaring types is not allowed in rules: use the facts "
                + RuleLanguage.facts().keySet());
        refuseAll(descr.getEnumDeclarations(), "declaring types is not allowed in rules");
        refuseAll(descr.getEntryPointDeclarations(), "entry points are not allowed in rules");
        refuseAll(descr.getWindowDeclarations(), "windows are not allowed in rules");
        refuseAll(descr.getAttributes(), "attributes for the whole file are not allowed; give them to each rule");
        if (descr.getUnit() != null) {
            error(at(descr.getUnit()), "rule units are not allowed in rules");
        }
        for (RuleDescr rule : descr.getRules()) {
            checkRule(rule);
        }
    }

    private void refuseAll(Collection<? extends BaseDescr> descrs, String message) {
        for (BaseDescr d : descrs) {
            error(at(d), message);
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule instanceof QueryDescr) {
            error(at(rule), "queries are not allowed in rules: a rule concludes findings from facts");
            return;
        }
        String name = rule.getName();
        if (name == null || name.isBlank() || name.length() > 200 || name.indexOf('\\') >= 0) {
            error(at(rule), "a rule's name is a short sentence in double quotes, without backslashes");
        }
        if (rule.getParentName() != null) {
            error(at(rule), "a rule may not extend another (\"extends\"): write its conditions out");
        }
        if (rule.getUnit() != null) {
            error(at(rule), "rule units are not allowed in rules");
        }
        annotations(rule);
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            attribute(attribute);
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            error(at(rule), "named consequences (do[...], then[...]) are not allowed: a rule has one consequence");
        }
        Map<String, Value> scope = new LinkedHashMap<>();
        conditions(rule.getLhs(), scope);
        long joins = 0;
        RuleContext.FactCounts worst = null;
        for (RuleContext.FactCounts counts : context.facts()) {
            long n = joins(rule.getLhs(), counts);
            if (worst == null || n > joins) {
                joins = n;
                worst = counts;
            }
        }
        if (worst != null && joins > context.joinLimit()) {
            error(at(rule), "rule \"" + name + "\" could combine up to " + String.format(Locale.ROOT, "%,d", joins)
                    + " sets of facts for " + worst.jurisdiction() + " (" + worst.provisions() + " provisions, "
                    + worst.elements() + " legal elements), more than the " + String.format(Locale.ROOT, "%,d",
                    context.joinLimit()) + " a rule may consider: each pattern multiplies the facts the rule looks at;"
                    + " use fewer patterns, or split the rule");
        }
        if (!(rule.getConsequence() instanceof String consequence)) {
            error(at(rule), "a rule's consequence must be plain text");
            return;
        }
        consequence(rule, consequence, scope);
    }

    private void annotations(BaseDescr descr) {
        if (descr instanceof AnnotatedBaseDescr annotated) {
            for (AnnotationDescr annotation : annotated.getAnnotations()) {
                error(annotation.getStartCharacter() >= 0 ? at(annotation) : find("@" + annotation.getName(), descr),
                        "annotations (@" + annotation.getName() + ") are not allowed in rules");
            }
        }
    }

    private void attribute(AttributeDescr attribute) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        String shown = value.lines().findFirst().orElse("") + (value.contains("\n") ? " ..." : "");
        int at = at(attribute);
        switch (name) {
            case "salience" -> {
                if (!SALIENCE.matcher(value).matches()) {
                    error(at, "salience is a whole number, for example salience -100; not " + shown);
                }
            }
            case "no-loop", "lock-on-active", "enabled" -> {
                if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                    error(at, name + " is true or false; not " + shown);
                }
            }
            case "agenda-group", "activation-group" -> {
                if (attribute.getType() != AttributeDescr.Type.STRING || !GROUP.matcher(value).matches()) {
                    error(at, name + " is a name in double quotes");
                }
            }
            case "dialect" -> error(at, "dialect is not allowed: rules are written in the one dialect the loader"
                    + " checks (remove the dialect line)");
            default -> error(at, "the attribute \"" + name + "\" is not allowed in rules; allowed: "
                    + String.join(", ", RuleLanguage.names(RuleLanguage.Part.ATTRIBUTE)));
        }
    }

    // ---- conditions ---------------------------------------------------------------------------------------------

    /** Checks a condition element; bindings it makes visible to what follows are added to {@code scope}. */
    private void conditions(BaseDescr d, Map<String, Value> scope) {
        if (d instanceof AndDescr and) {
            for (BaseDescr child : and.getDescrs()) {
                conditions(child, scope);
            }
        } else if (d instanceof OrDescr or) {
            Map<String, Value> common = null;
            for (BaseDescr child : or.getDescrs()) {
                Map<String, Value> branch = new LinkedHashMap<>(scope);
                conditions(child, branch);
                if (common == null) {
                    common = branch;
                } else {
                    common.keySet().retainAll(branch.keySet());
                }
            }
            if (common != null) {
                scope.putAll(common);
            }
        } else if (d instanceof NotDescr || d instanceof ExistsDescr || d instanceof ForallDescr) {
            Map<String, Value> inner = new LinkedHashMap<>(scope);
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                conditions(child, inner);
            }
        } else if (d instanceof PatternDescr pattern) {
            pattern(pattern, scope);
        } else if (d instanceof EvalDescr) {
            error(at(d), "eval( ... ) is not allowed in rules: write the test as a constraint of a pattern");
        } else {
            error(at(d), conditionName(d) + " is not allowed in rules; conditions may use patterns, and, or, not,"
                    + " exists, forall and accumulate");
        }
    }

    private static String conditionName(BaseDescr d) {
        String kind = d.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "from" -> "from";
            case "collect" -> "collect";
            case "conditionalbranch" -> "if ... do[...]";
            case "namedconsequence" -> "do[...]";
            case "groupby" -> "groupby";
            default -> "\"" + kind + "\"";
        };
    }

    private void pattern(PatternDescr p, Map<String, Value> scope) {
        annotations(p);
        if (p.isQuery() || p.isUnification()) {
            error(at(p), "queries and unification (?, :=) are not allowed in rules");
            return;
        }
        if (!p.getBehaviors().isEmpty()) {
            error(at(p), "windows (over window:...) are not allowed in rules");
            return;
        }
        Class<?> type;
        Map<String, Value> inner = scope;
        if (p.getSource() instanceof AccumulateDescr accumulate) {
            if (!p.getObjectType().equals("Object") || p.getIdentifier() != null) {
                error(at(p), "write accumulate as: accumulate( patterns ; $x : count( ... ) [; constraints] ), with"
                        + " no result type and no \"from\"");
                return;
            }
            inner = new LinkedHashMap<>(scope);
            if (!accumulate(accumulate, scope, inner)) {
                return;
            }
            type = null;
        } else if (p.getSource() != null) {
            error(at(p.getSource(), p), conditionName(p.getSource()) + " is not allowed in rules: a pattern matches"
                    + " the facts of the jurisdiction being assessed, nothing else");
            return;
        } else {
            type = RuleLanguage.facts().get(p.getObjectType());
            if (type == null) {
                error(at(p), "a pattern may match " + String.join(", ", RuleLanguage.facts().keySet()) + ", not \""
                        + p.getObjectType() + "\"");
                return;
            }
        }
        if (p.getIdentifier() != null) {
            if (!bindingName(p.getIdentifier(), scope, at(p))) {
                return;
            }
        }
        for (BaseDescr constraint : p.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr) || expr.getType() != ExprConstraintDescr.Type.NAMED) {
                error(at(constraint, p), "this kind of constraint is not allowed in rules (write field == value,"
                        + " separated by commas)");
                continue;
            }
            constraint(expr, type, inner, p);
        }
        if (p.getIdentifier() != null) {
            scope.put(p.getIdentifier(), Value.of(type));
        }
        if (inner != scope) {
            // An accumulate's results are visible after it; the bindings of its input patterns are not.
            inner.forEach(scope::putIfAbsent);
        }
    }

    /** An accumulate with built-in functions only; their results go into {@code results}. */
    private boolean accumulate(AccumulateDescr a, Map<String, Value> scope, Map<String, Value> results) {
        if (a.getInitCode() != null || a.getActionCode() != null || a.getReverseCode() != null
                || a.getResultCode() != null) {
            error(at(a), "accumulate code (init, action, reverse, result) is not allowed in rules: use a built-in"
                    + " function: " + String.join(", ", RuleLanguage.names(RuleLanguage.Part.ACCUMULATE)));
            return false;
        }
        if (a.getFunctions().isEmpty()) {
            error(at(a), "an accumulate needs a function, for example $n : count( $e )");
            return false;
        }
        Map<String, Value> input = new LinkedHashMap<>(scope);
        if (a.getInput() == null) {
            error(at(a), "an accumulate needs patterns to accumulate over");
            return false;
        }
        conditions(a.getInput(), input);
        for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
            if (!RuleLanguage.allows(RuleLanguage.Part.ACCUMULATE, f.getFunction())) {
                error(at(a), "the accumulate function \"" + f.getFunction() + "\" is not allowed; use "
                        + String.join(", ", RuleLanguage.names(RuleLanguage.Part.ACCUMULATE)));
                return false;
            }
            if (f.isUnification() || f.getBind() == null) {
                error(at(a), "bind each accumulate result to a name: $n : " + f.getFunction() + "( ... )");
                return false;
            }
            for (String param : f.getParams()) {
                int offset = find(param, a);
                Value v = new JavaChecker(input, null, true, context.criteria(), this::error).expression(param, offset);
                if (v == null) {
                    ok = false;
                    return false;
                }
            }
            if (!bindingName(f.getBind(), results, at(a))) {
                return false;
            }
            results.put(f.getBind(), switch (f.getFunction()) {
                case "count" -> Value.of(Long.class);
                case "sum", "average" -> Value.of(Double.class);
                case "collectList" -> new Value(List.class, Object.class, JavaChecker.Origin.NONE, null, null, null);
                case "collectSet" -> new Value(Set.class, Object.class, JavaChecker.Origin.NONE, null, null, null);
                default -> Value.of(Object.class);
            });
        }
        return true;
    }

    private int find(String text, BaseDescr within) {
        int start = Math.max(within.getStartCharacter(), 0);
        int found = source.text().indexOf(text, start);
        return found >= 0 ? found : at(within);
    }

    private boolean bindingName(String name, Map<String, Value> scope, int at) {
        if (!BINDING.matcher(name).matches()) {
            error(at, "name bound variables $ and letters, for example $e (not " + name + ")");
            return false;
        }
        if (scope.containsKey(name)) {
            error(at, name + " is already bound in this rule; use another name");
            return false;
        }
        return true;
    }

    /** One constraint of a pattern: the DRL expression parser's tree, then JavaParser on every operand. */
    private void constraint(ExprConstraintDescr expr, Class<?> type, Map<String, Value> scope, PatternDescr p) {
        String text = expr.getExpression();
        int start = at(expr, p);
        int refused = text.indexOf('\\');
        if (refused >= 0) {
            error(start + refused, "backslashes are not allowed in a condition");
            return;
        }
        // With no backslashes, a double quote always opens or closes text: scan what is outside text.
        boolean inText = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inText = !inText;
                continue;
            }
            String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
            String sign = inText ? null : c == '#' || c == '`' || c == '@' || c == '\'' ? String.valueOf(c)
                    : two.equals("!.") || two.equals("//") || two.equals("/*") ? two : null;
            if (sign != null) {
                error(start + i, "\"" + sign + "\" is not allowed in a condition"
                        + (sign.equals("#") ? " (inline casts are not needed: the facts have fixed types)" : "")
                        + (sign.equals("'") ? " (write text in double quotes)" : "")
                        + (sign.startsWith("/") ? " (put comments on a line of their own)" : ""));
                return;
            }
        }
        if (!DescrDumper.normalizeEval(text).equals(text)) {
            error(start, "eval is not allowed in rules");
            return;
        }
        ConstraintConnectiveDescr tree = parseConstraint(text, start);
        if (tree == null) {
            return;
        }
        Cursor cursor = new Cursor(text, start);
        Map<String, Value> bound = new LinkedHashMap<>();
        walk(tree, type, scope, bound, cursor);
        bound.forEach(scope::putIfAbsent);
    }

    /** The DRL expression parser, as the compiler runs it, but refusing text it would leave unread. */
    private ConstraintConnectiveDescr parseConstraint(String text, int start) {
        DRLLexer lexer = DRLFactory.getDRLLexer(new ANTLRStringStream(text), LANGUAGE);
        CommonTokenStream input = new CommonTokenStream(lexer);
        RecognizerSharedState state = new RecognizerSharedState();
        ParserHelper helper = new ParserHelper(input, state, LANGUAGE);
        DRLExpressions parser = DRLFactory.getDRLExpressions(input, state, helper, LANGUAGE);
        parser.setBuildDescr(true);
        parser.setLeftMostExpr(null);
        BaseDescr expr;
        try {
            expr = parser.conditionalOrExpression();
        } catch (RecognitionException e) {
            helper.reportError(e);
            expr = null;
        }
        if (helper.hasErrors() || expr == null) {
            DroolsParserException first = helper.getErrors().isEmpty() ? null : helper.getErrors().get(0);
            int column = first == null ? 0 : Math.max(first.getColumn(), 0);
            error(start + Math.min(column, text.length()), "this condition could not be read"
                    + (first == null ? "" : ": " + first.getMessage().replaceAll("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "")));
            return null;
        }
        Token next = input.LT(1);
        if (next != null && next.getType() != Token.EOF) {
            int at = next instanceof CommonToken t ? t.getStartIndex() : 0;
            error(start + Math.max(at, 0), "unexpected text in a condition: \"" + next.getText() + "\"");
            return null;
        }
        ConstraintConnectiveDescr tree = ConstraintConnectiveDescr.newAnd();
        tree.addOrMerge(expr);
        return tree;
    }

    /** Where the operands of one constraint are, for messages. */
    private static final class Cursor {
        private final String text;
        private final int start;
        private int position;

        Cursor(String text, int start) {
            this.text = text;
            this.start = start;
        }

        int locate(String operand) {
            int found = text.indexOf(operand, position);
            if (found < 0) {
                found = text.indexOf(operand);
            } else {
                position = found + operand.length();
            }
            return start + Math.max(found, 0);
        }
    }

    private Value walk(BaseDescr d, Class<?> type, Map<String, Value> scope, Map<String, Value> bound, Cursor cursor) {
        Map<String, Value> visible = new LinkedHashMap<>(scope);
        visible.putAll(bound);
        if (d instanceof ConstraintConnectiveDescr c) {
            if (c.getConnective() != ConnectiveType.AND && c.getConnective() != ConnectiveType.OR) {
                error(cursor.start, "the connective " + c.getConnective() + " is not allowed; use && and ||");
                return null;
            }
            for (BaseDescr child : c.getDescrs()) {
                walk(child, type, scope, bound, cursor);
            }
            return Value.of(Boolean.class);
        }
        if (d instanceof BindingDescr b) {
            int at = cursor.locate(b.getVariable());
            if (b.isUnification()) {
                error(at, "unification (:=) is not allowed in rules; bind with $name : field");
                return null;
            }
            Map<String, Value> all = new LinkedHashMap<>(visible);
            if (!bindingName(b.getVariable(), all, at)) {
                return null;
            }
            Value v = operand(b.getExpression(), type, visible, cursor);
            if (v != null) {
                bound.put(b.getVariable(), v);
            }
            return v;
        }
        if (d instanceof RelationalExprDescr r) {
            String operator = r.getOperator();
            if (!List.of("==", "!=", "<", "<=", ">", ">=", "contains", "memberOf").contains(operator)
                    || r.getParameters() != null && !r.getParameters().isEmpty()) {
                error(cursor.start, "the operator \"" + operator + "\" is not allowed in rules; allowed: "
                        + String.join(", ", RuleLanguage.names(RuleLanguage.Part.OPERATOR))
                        + (operator.equals("matches") ? " (regular expressions can take forever)" : ""));
                return null;
            }
            Value left = walk(r.getLeft(), type, scope, bound, cursor);
            List<Value> rights = new ArrayList<>();
            if (r.getRight() instanceof ConstraintConnectiveDescr restriction) {
                for (BaseDescr alternative : restriction.getDescrs()) {
                    rights.add(walk(alternative, type, scope, bound, cursor));
                }
            } else {
                rights.add(walk(r.getRight(), type, scope, bound, cursor));
            }
            if (left != null && (operator.equals("==") || operator.equals("!="))) {
                for (Value right : rights) {
                    if (right != null) {
                        String problem = JavaChecker.vocabularyProblem(left, right, context.criteria());
                        if (problem == null) {
                            problem = JavaChecker.vocabularyProblem(right, left, context.criteria());
                        }
                        if (problem != null) {
                            error(cursor.start + Math.max(0, cursor.text.indexOf("\"" + (right.text() != null
                                    ? right.text() : left.text()) + "\"")), problem);
                        }
                    }
                }
            }
            return Value.of(Boolean.class);
        }
        if (d instanceof AtomicExprDescr atom) {
            return operand(atom.getExpression(), type, visible, cursor);
        }
        error(cursor.start, "this part of a condition is not allowed in rules");
        return null;
    }

    private Value operand(String text, Class<?> type, Map<String, Value> visible, Cursor cursor) {
        String trimmed = text.strip();
        int at = cursor.locate(trimmed);
        if (!DescrDumper.normalizeEval(trimmed).equals(trimmed)) {
            error(at, "eval is not allowed in rules");
            return null;
        }
        return new JavaChecker(visible, type, true, context.criteria(), this::error).expression(trimmed, at);
    }

    // ---- consequence --------------------------------------------------------------------------------------------

    private void consequence(RuleDescr rule, String text, Map<String, Value> scope) {
        if (text.isBlank()) {
            return;
        }
        int from = Math.max(Math.max(rule.getLhs().getEndCharacter(), rule.getStartCharacter()), 0);
        Matcher then = Pattern.compile("\\bthen\\b").matcher(source.text());
        int searchFrom = then.find(from) ? then.end() : from;
        int offset = source.text().indexOf(text, searchFrom);
        if (offset < 0) {
            offset = Math.max(searchFrom, 0);
        }
        Matcher end = END_LINE.matcher(text);
        if (end.find()) {
            error(offset + end.start() + end.group().indexOf("end"), "\"end\" here looks like the end of the rule, but"
                    + " Drools reads what follows it, up to the last \"end\", as part of this rule's consequence;"
                    + " remove the text after the rule's end");
            return;
        }
        new JavaChecker(scope, null, false, context.criteria(), this::error).consequence(text, offset);
    }

    // ---- the join bound -----------------------------------------------------------------------------------------

    /** An upper bound of the fact combinations the conditions can build: the product of what each pattern matches. */
    static long joins(BaseDescr d, RuleContext.FactCounts counts) {
        if (d instanceof OrDescr or) {
            long sum = 0;
            for (BaseDescr child : or.getDescrs()) {
                sum = saturatedAdd(sum, joins(child, counts));
            }
            return Math.max(sum, 1);
        }
        if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
            long product = 1;
            for (Object child : ce.getDescrs()) {
                product = saturatedMultiply(product, joins((BaseDescr) child, counts));
            }
            return product;
        }
        if (d instanceof PatternDescr p) {
            if (p.getSource() instanceof AccumulateDescr a) {
                return a.getInput() == null ? 1 : joins(a.getInput(), counts);
            }
            Class<?> type = RuleLanguage.facts().get(p.getObjectType());
            long n = counts.count(type);
            // A key compared with one value matches few facts: a provision by its id, the elements of one provision...
            for (BaseDescr constraint : p.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr e) {
                    Matcher key = KEY.matcher(e.getExpression());
                    Matcher reversed = KEY_REVERSED.matcher(e.getExpression());
                    String field = key.matches() ? key.group(1) : reversed.matches() ? reversed.group(2) : null;
                    if (field != null) {
                        n = Math.min(n, counts.perKey(type, field));
                    }
                }
            }
            return Math.max(1, n);
        }
        return 1;
    }

    private static long saturatedMultiply(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    // ---- positions ----------------------------------------------------------------------------------------------

    private int at(BaseDescr d) {
        return at(d, null);
    }

    /** The file offset where {@code d} starts, falling back to {@code parent}'s. */
    private int at(BaseDescr d, BaseDescr parent) {
        if (d != null && d.getStartCharacter() >= 0) {
            return d.getStartCharacter();
        }
        if (d != null && d.getLine() > 0) {
            return source.offset(d.getLine(), d.getColumn() + 1);
        }
        return parent == null ? 0 : at(parent, null);
    }

    private void error(int offset, String message) {
        int[] position = source.position(Math.max(0, Math.min(offset, source.text().length())));
        problems.error(source.file(), position[0], position[1], message);
        ok = false;
    }
}
