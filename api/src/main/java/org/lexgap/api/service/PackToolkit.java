package org.lexgap.api.service;

import java.nio.file.Path;
import java.time.LocalDate;

import org.lexgap.api.model.Explanation;
import org.lexgap.api.model.PackCheck;

/**
 * The analyst's tools: check and test a pack directory against the platform's model-law editions without
 * installing it, and explain a verdict. Nothing here changes what is serving.
 */
public interface PackToolkit {

    /** Checks the pack at {@code directory}: JSON schemas, references, dates, element vocabulary, DRL policy and compilation. */
    PackCheck validate(Path directory);

    /** Validates, then runs the pack's test fixtures; a pack that fails validation reports no test results. */
    PackCheck test(Path directory);

    /**
     * Explains the verdict on {@code criterion} for {@code jurisdiction} as of {@code asOf}, over the serving packs.
     *
     * @throws IllegalArgumentException for an unknown jurisdiction, criterion or edition
     */
    Explanation explain(String jurisdiction, String criterion, String edition, LocalDate asOf);
}
