package org.lexgap.core.authoring;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Explanation;
import org.lexgap.api.model.PackCheck;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackTestResult;
import org.lexgap.api.service.PackToolkit;
import org.lexgap.core.amend.AmendmentReader;
import org.lexgap.core.engine.Catalog;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.engine.PackTests;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.registry.Claims;
import org.lexgap.core.registry.PackLoader;

/** The {@link PackToolkit} service: the loader's own checks, run on a directory without installing it. */
public final class PackToolkitService implements PackToolkit {
    private final Engine engine;
    private final Supplier<Catalog> catalog;

    public PackToolkitService(Engine engine, Supplier<Catalog> catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    @Override
    public PackCheck validate(Path directory) {
        return check(directory, PackLoader.Tests.SKIP);
    }

    @Override
    public PackCheck test(Path directory) {
        return check(directory, PackLoader.Tests.REPORT);
    }

    private PackCheck check(Path directory, PackLoader.Tests mode) {
        PackFiles files;
        try {
            files = PackFiles.fromDirectory(directory);
        } catch (PackFiles.Refused e) {
            return new PackCheck(directory.toString(), List.of(new PackProblem(directory.toString(), e.file(), 0, 0,
                    null, e.getMessage(), PackProblem.Severity.ERROR)), List.of());
        }
        Catalog current = catalog.get();
        PackLoader.Attempt attempt = PackLoader.load(files, current, engine, mode);
        List<PackProblem> problems = new ArrayList<>(attempt.problems());
        if (attempt.ok()) {
            for (LoadedPack other : current.packs()) {
                if (!other.id().equals(attempt.id())) {
                    Optional<String> overlap = Claims.overlap(attempt.pack(), other);
                    overlap.ifPresent(o -> problems.add(new PackProblem(attempt.id(), "pack.json", 0, 0, null, o
                            + " is also provided by pack " + other.id() + ", which is loaded; the platform will refuse"
                            + " this pack while that one serves", PackProblem.Severity.WARNING)));
                }
            }
        }
        List<PackTestResult> tests = attempt.tests().stream().map(PackToolkitService::result).toList();
        return new PackCheck(attempt.id(), problems, tests);
    }

    private static PackTestResult result(PackTests.CaseResult r) {
        return new PackTestResult(r.testCase().name(), r.testCase().file(), r.testCase().line(),
                r.testCase().jurisdiction(), r.testCase().edition(), r.testCase().asOf(), r.failures(), r.skipped());
    }

    @Override
    public Explanation explain(String jurisdiction, String criterion, String edition, LocalDate asOf) {
        return explain(jurisdiction, criterion, edition, asOf, List.of());
    }

    @Override
    public PackCheck checkAmendments(List<AmendmentFile> amendments) {
        AmendmentReader.Result read = Engine.readAmendments(amendments, catalog.get());
        return new PackCheck("amendments", read.problems(), List.of());
    }

    @Override
    public Explanation explain(String jurisdiction, String criterion, String edition, LocalDate asOf,
                               List<AmendmentFile> amendments) {
        Catalog snapshot = catalog.get();
        LoadedPack editionPack = snapshot.edition(edition).orElseThrow(() -> new IllegalArgumentException(
                "no model-law pack for edition " + edition + " is loaded"));
        Criterion c = editionPack.content().edition().criteria().stream().filter(x -> x.id().equals(criterion))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown criterion \"" + criterion
                        + "\"; edition " + edition + " has " + editionPack.content().edition().criteria().stream()
                        .map(Criterion::id).toList()));
        Engine.JurisdictionRun run = engine.run(jurisdiction, new AssessmentRequest(List.of(jurisdiction), null,
                edition, asOf, amendments), snapshot);
        return Explanations.explain(run, c, edition, asOf);
    }
}
