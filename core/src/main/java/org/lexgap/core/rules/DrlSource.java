package org.lexgap.core.rules;

import java.util.Arrays;
import java.util.Locale;

import org.lexgap.core.pack.Problems;

/**
 * A rules file's text exactly as the DRL parser, the checks and both compilers will see it, and the map from
 * character offsets to the line and column an editor shows.
 *
 * <p>Why this step exists: Drools hands parts of the text to javac-like and MVEL compilers that read some
 * characters differently from the DRL parser and from a person. A unicode escape ({@code \u000a}) is a line break
 * to javac inside a comment; a lone carriage return ends a {@code //} comment for javac but not for every tool; a
 * zero-width or right-to-left character hides what code says from a reader. None of these is needed to state legal
 * facts, so they are refused before anything parses the file. Windows line ends are made plain line ends (line
 * numbers do not change), and a byte-order mark at the very start is dropped, as every editor does.
 */
final class DrlSource {
    private static final int MAX_REPORTED = 10;

    private final String file;
    private final String text;
    private final int[] lineStarts;

    private DrlSource(String file, String text) {
        this.file = file;
        this.text = text;
        int[] starts = new int[16];
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
    }

    /** The file's text, normalised; {@code null} (with the problems reported) when a character is refused. */
    static DrlSource read(String file, String raw, Problems problems) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = text.replace("\r\n", "\n");
        DrlSource source = new DrlSource(file, text);
        int reported = 0;
        for (int i = 0; i < text.length() && reported < MAX_REPORTED; i++) {
            String refusal = refusal(text, i);
            if (refusal != null) {
                int[] at = source.position(i);
                problems.error(file, at[0], at[1], refusal);
                reported++;
            }
        }
        return reported == 0 ? source : null;
    }

    /** Why the character at {@code i} may not appear in rules, or {@code null} if it may. */
    private static String refusal(String text, int i) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && escapes(text, i)) {
            return "unicode escapes (\\u...) are not allowed in rules: Java reads them as the character they name, even"
                    + " inside comments and strings; write the character itself";
        }
        if (c == '\n' || c == '\t') {
            return null;
        }
        if (c == '\r') {
            return "a carriage return without a line feed: save the file with ordinary line ends (LF or CRLF)";
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return refusalOf(text.codePointAt(i));
        }
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            return null;
        }
        return refusalOf(c);
    }

    /** Whether the backslash at {@code i} starts an escape: Java's rule, an even number of backslashes before it. */
    private static boolean escapes(String text, int i) {
        int before = 0;
        while (i - before - 1 >= 0 && text.charAt(i - before - 1) == '\\') {
            before++;
        }
        return before % 2 == 0;
    }

    private static String refusalOf(int codePoint) {
        // Most characters are allowed: the name (whose first use loads the JDK's table of character names) is made
        // only for a refusal.
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
                return "control character " + name(codePoint) + " is not allowed in rules";
            case Character.FORMAT:
                return "invisible formatting character " + name(codePoint) + " is not allowed in rules: it can make"
                        + " the text read differently from what it does";
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return "character " + name(codePoint) + " is not allowed in rules: use an ordinary line end";
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
                return "character " + name(codePoint) + " is not allowed in rules: the file is not valid text";
            default:
                return null;
        }
    }

    private static String name(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format(Locale.ROOT, "U+%04X", codePoint)
                + (name == null ? "" : " (" + name.toLowerCase(Locale.ROOT) + ")");
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    /** The 1-based line and column of the character at {@code offset}. */
    int[] position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    /** The character offset of a 1-based line and 1-based column (clamped to the text). */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + Math.max(column, 1) - 1);
    }
}
