package org.lexgap.api.model;

/**
 * One problem found in a pack, located as precisely as the checker could.
 *
 * @param pack     pack id (or the bundle location when the id is unreadable)
 * @param file     path inside the pack, for example {@code rules/asean.drl}
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param pointer  JSON pointer of the offending value, or {@code null}
 * @param message  what is wrong and what was expected
 * @param severity {@code ERROR} refuses the pack; {@code WARNING} is shown but the pack loads
 */
public record PackProblem(String pack, String file, int line, int column, String pointer, String message,
                          Severity severity) {

    /** How serious a problem is. */
    public enum Severity { ERROR, WARNING }

    /** {@code file:line:column: message}, the form editors and terminals link to; just the message without a file. */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
        }
        if (severity == Severity.WARNING) {
            out.append("warning: ");
        }
        out.append(message);
        if (pointer != null && !pointer.isEmpty()) {
            out.append(" (at ").append(pointer).append(')');
        }
        return out.toString();
    }
}
