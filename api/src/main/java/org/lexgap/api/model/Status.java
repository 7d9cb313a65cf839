package org.lexgap.api.model;

/** The verdict on one criterion. {@link #UNKNOWN} means "no data" and is never counted as {@link #NOT_MET}. */
public enum Status {
    MET,
    NOT_MET,
    UNKNOWN
}
