package org.lexgap.core.engine;

/**
 * A pack's rules went beyond what rules may do while they ran: the time or firing budget, or what a finding may say
 * (its jurisdiction, a MET finding's evidence, a fact changed or removed). Names the rule and where it is written,
 * so the pack can be refused at that line.
 */
public final class RuleBreach extends IllegalStateException {
    private final String pack;
    private final String file;
    private final int line;

    /**
     * @param pack  the id of the pack whose rule it was, or {@code null} when no rule can be named
     * @param where the rule's {@code file:line}, or empty
     */
    RuleBreach(String pack, String where, String message) {
        super(message);
        this.pack = pack;
        int colon = where == null ? -1 : where.lastIndexOf(':');
        this.file = colon > 0 ? where.substring(0, colon) : null;
        this.line = colon > 0 ? Integer.parseInt(where.substring(colon + 1)) : 0;
    }

    /** The pack the rule belongs to, or {@code null}. */
    public String pack() {
        return pack;
    }

    /** The rules file, relative to its pack, or {@code null}. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
