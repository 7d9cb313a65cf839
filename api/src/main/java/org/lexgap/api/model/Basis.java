package org.lexgap.api.model;

/** What decided an assessment. */
public enum Basis {
    /** Rules applied to the legal elements of provisions in force. */
    RULES,
    /** A recorded, cited {@link Interpretation}. */
    INTERPRETATION,
    /** The criterion is unassessed for the jurisdiction: there is no data. */
    NO_DATA
}
