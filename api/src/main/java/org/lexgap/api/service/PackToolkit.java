package org.lexgap.api.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.lexgap.api.model.AmendmentFile;
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

    /**
     * Explains the verdict as {@link #explain(String, String, String, LocalDate)} does, with what-if amendments
     * applied on top of the serving packs; the explanation then marks what is hypothetical.
     *
     * @throws IllegalArgumentException for an unknown jurisdiction, criterion or edition, or an invalid amendment
     *                                  (check it first with {@link #checkAmendments})
     */
    Explanation explain(String jurisdiction, String criterion, String edition, LocalDate asOf,
                        List<AmendmentFile> amendments);

    /**
     * Checks what-if amendment files against their schema and the serving packs (the jurisdiction exists, every id
     * they repeal or amend is recorded, dates are in order), in order: a later file may build on an earlier one.
     * Problems are located by file (the path as given), line and column; warnings flag placeholders from
     * {@code lexgap amend new}. Nothing is changed.
     */
    PackCheck checkAmendments(List<AmendmentFile> amendments);
}
