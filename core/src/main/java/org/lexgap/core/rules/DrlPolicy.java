package org.lexgap.core.rules;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lexgap.core.pack.Problems;
import org.lexgap.core.pack.Vocabulary;

/**
 * Keeps pack rules data, not programs. A pack's DRL may match and create the api types and use plain Java values;
 * everything else (file or network access, reflection, threads, {@code System.exit}, loops that could run forever)
 * is refused before the DRL is compiled, with the line it is on.
 *
 * <p>The check is an allow-list on type names plus a deny-list on member names, run over the DRL with comments and
 * string literals blanked out. It is deliberately stricter than needed: a legitimate rule never needs what it
 * refuses.
 */
public final class DrlPolicy {
    /** The api package every pack's DRL sees without importing it. */
    public static final String API_PACKAGE = "org.lexgap.api.model";

    /** Type names a rule may use: the api records and plain value types. */
    static final Set<String> ALLOWED_TYPES = Set.of(
            "Jurisdiction", "Instrument", "Provision", "LegalElement", "Criterion", "Finding", "Interpretation",
            "Status",
            "String", "Integer", "Long", "Double", "Boolean", "Math", "LocalDate", "List", "Set", "Map", "Objects");

    /** Member names that reach outside the rule's facts. */
    static final Set<String> DENIED_MEMBERS = Set.of(
            "getClass", "forName", "exit", "halt", "exec", "getRuntime", "load", "loadLibrary", "setAccessible",
            "newInstance", "invoke", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
            "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor",
            "getConstructor", "getClassLoader", "getResource", "getResourceAsStream", "wait", "notify",
            "notifyAll", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase", "getEntryPoint",
            "getChannels", "setGlobal", "getGlobals", "getSession", "getRuleRuntime");

    /** Words that turn a rule into a program. */
    static final Set<String> DENIED_WORDS = Set.of(
            "function", "global", "declare", "while", "for", "do", "class", "interface", "enum", "synchronized",
            "this", "super", "def", "kcontext", "drools", "native", "volatile", "transient", "assert", "goto",
            "instanceof", "throws", "extends", "implements");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*|\\.|\\S");
    private static final Pattern ATTRIBUTE_TEST = Pattern.compile(
            "\\b(type|subject|conduct|intent|medium|bearer|action)\\s*(==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(java|javax|sun|jdk|com|org|net|io)\\s*\\.");
    private static final Pattern CRITERION_LITERAL = Pattern.compile("\"([a-z]+(?:_[a-z]+)+)\"");

    private DrlPolicy() {
    }

    /**
     * Reports every violation in {@code drl} (the file {@code file}) into {@code problems}.
     *
     * @param criteria the criterion ids a rule may name; empty to skip that check
     * @return true if the file may be compiled
     */
    public static boolean check(String file, String drl, Set<String> criteria, Problems problems) {
        boolean ok = true;
        if (drl.contains("\\u")) {
            int line = lineOf(drl, drl.indexOf("\\u"));
            problems.error(file, line, 0, "unicode escapes (\\u) are not allowed in rules; write the character itself");
            ok = false;
        }
        String code = DrlText.blankCommentsAndStrings(drl);
        String[] lines = code.split("\n", -1);
        String[] raw = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            ok &= checkLine(file, i + 1, lines[i], raw[i], criteria, problems);
        }
        return ok;
    }

    private static boolean checkLine(String file, int line, String code, String raw, Set<String> criteria,
                                     Problems problems) {
        String trimmed = code.strip();
        if (trimmed.startsWith("package ") || trimmed.equals("package")) {
            problems.error(file, line, 1, "do not declare a package: the loader gives each pack its own");
            return false;
        }
        if (trimmed.startsWith("import ")) {
            String target = trimmed.substring(7).replace(";", "").strip();
            if (!target.equals(API_PACKAGE + ".*") && !(target.startsWith(API_PACKAGE + ".")
                    && ALLOWED_TYPES.contains(target.substring(API_PACKAGE.length() + 1)))) {
                problems.error(file, line, col(raw, "import"), "import of \"" + target
                        + "\" is not allowed: rules may use only the api types, which are imported for you");
                return false;
            }
            return true;
        }
        boolean ok = true;
        Matcher qualified = QUALIFIED.matcher(code);
        if (qualified.find()) {
            problems.error(file, line, qualified.start() + 1, "fully qualified Java names are not allowed in rules");
            ok = false;
        }
        Matcher tokens = TOKEN.matcher(code);
        String previous = "";
        while (tokens.find()) {
            String token = tokens.group();
            int column = tokens.start() + 1;
            boolean member = previous.equals(".");
            if (member && DENIED_MEMBERS.contains(token)) {
                problems.error(file, line, column, "\"" + token + "\" is not allowed in rules: it reaches outside the facts");
                ok = false;
            } else if (!member && DENIED_WORDS.contains(token)) {
                problems.error(file, line, column, "\"" + token + "\" is not allowed in rules: packs are data, not programs"
                        + (Set.of("while", "for", "do").contains(token) ? " (a rule fires once per match; use patterns, not loops)" : ""));
                ok = false;
            } else if (!member && Character.isUpperCase(token.charAt(0)) && !ALLOWED_TYPES.contains(token)) {
                problems.error(file, line, column, "type \"" + token + "\" is not allowed in rules; allowed: "
                        + new java.util.TreeSet<>(ALLOWED_TYPES));
                ok = false;
            }
            previous = token;
        }
        ok &= checkVocabulary(file, line, raw, criteria, problems);
        return ok;
    }

    /** Catches misspelt element values and criterion ids, which would otherwise silently never match. */
    private static boolean checkVocabulary(String file, int line, String raw, Set<String> criteria, Problems problems) {
        boolean ok = true;
        String withoutComment = DrlText.stripLineComment(raw);
        Matcher test = ATTRIBUTE_TEST.matcher(withoutComment);
        while (test.find()) {
            String attribute = test.group(1);
            String value = test.group(3);
            List<String> allowed = Vocabulary.allowed(attribute);
            if (!allowed.contains(value)) {
                problems.error(file, line, test.start(3), "\"" + value + "\" is not a declared value of " + attribute
                        + "; expected one of " + allowed + " (docs/legal-elements.md)");
                ok = false;
            }
        }
        if (!criteria.isEmpty()) {
            Matcher literal = CRITERION_LITERAL.matcher(withoutComment);
            while (literal.find()) {
                if (!criteria.contains(literal.group(1))) {
                    problems.error(file, line, literal.start(1), "unknown criterion id \"" + literal.group(1)
                            + "\"; expected one of " + new java.util.TreeSet<>(criteria));
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static int col(String raw, String word) {
        return Math.max(raw.indexOf(word), 0) + 1;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
