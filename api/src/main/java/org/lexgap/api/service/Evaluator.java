package org.lexgap.api.service;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;

/** Assesses jurisdictions against a model-law edition as of a date. Thread-safe. */
public interface Evaluator {

    /**
     * Runs the model-law rules and each jurisdiction's own rules over the provisions in force on the request's
     * date.
     *
     * @throws IllegalArgumentException for an unknown jurisdiction, region or edition, with a one-line reason
     * @throws IllegalStateException    when a pack's rules exceed the fire limit (a loop), naming the rule
     */
    GapAnalysis assess(AssessmentRequest request);
}
