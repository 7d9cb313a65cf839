package org.lexgap.core.rules;

/** Small text operations on DRL that keep line and column positions intact. */
final class DrlText {
    private DrlText() {
    }

    /**
     * Replaces comments and the contents of string and character literals with spaces, keeping newlines, so that
     * a scan of what remains sees only code, at the original positions.
     */
    static String blankCommentsAndStrings(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '/') {
                while (i < drl.length() && drl.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '#') {
                while (i < drl.length() && drl.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '*') {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? drl.length() : end + 2;
                for (; i < end; i++) {
                    out.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < drl.length() && drl.charAt(i) != c && drl.charAt(i) != '\n') {
                    if (drl.charAt(i) == '\\' && i + 1 < drl.length()) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < drl.length() && drl.charAt(i) == c) {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The line without a trailing {@code //} comment (string literals are respected). */
    static String stripLineComment(String line) {
        String blanked = blankCommentsAndStrings(line);
        int cut = blanked.length();
        for (int i = 0; i < blanked.length(); i++) {
            if (blanked.charAt(i) == ' ' && line.charAt(i) == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                cut = i;
                break;
            }
        }
        return line.substring(0, cut);
    }
}
