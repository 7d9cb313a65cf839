package org.lexgap.core.engine;

import java.util.function.Supplier;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.service.Evaluator;

/** The {@link Evaluator} service: the engine over the registry's current snapshot. */
public final class EvaluatorService implements Evaluator {
    private final Engine engine;
    private final Supplier<Catalog> catalog;

    public EvaluatorService(Engine engine, Supplier<Catalog> catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    @Override
    public GapAnalysis assess(AssessmentRequest request) {
        return engine.assess(request, catalog.get());
    }
}
