package org.lexgap.core.shell;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.service.Evaluator;
import org.lexgap.api.service.PackInstaller;
import org.lexgap.api.service.PackRegistry;
import org.lexgap.api.service.ReportRenderer;
import org.lexgap.core.registry.PackInstallerService;

/**
 * Lexgap's commands for the Felix Gogo shell (scope {@code lexgap}), so that a trainer can swap packs and
 * re-assess in one running platform. Gogo finds these methods by name; it needs no import of its API. Loads run
 * off the registry's lock, so {@code packs} and {@code removepack} answer while another command's load runs, and
 * {@code cancelload} stops a load that takes too long.
 */
public final class LexgapCommands {
    /** The functions to register under {@code osgi.command.function}. */
    public static final String[] FUNCTIONS = {"assess", "matrix", "packs", "addpack", "updatepack", "removepack",
        "cancelload"};
    private static final String DEFAULT_EDITION = "8";

    private final Evaluator evaluator;
    private final PackRegistry registry;
    private final PackInstaller installer;
    private final ReportRenderer renderer;

    public LexgapCommands(Evaluator evaluator, PackRegistry registry, PackInstaller installer, ReportRenderer renderer) {
        this.evaluator = evaluator;
        this.registry = registry;
        this.installer = installer;
        this.renderer = renderer;
    }

    /** {@code assess PH}: the gap analysis of one jurisdiction as of today. */
    public String assess(String jurisdiction) {
        return assess(jurisdiction, LocalDate.now().toString());
    }

    /** {@code assess PH 2016-01-01}. */
    public String assess(String jurisdiction, String asOf) {
        return renderer.render(evaluator.assess(new AssessmentRequest(List.of(jurisdiction), null, DEFAULT_EDITION,
                LocalDate.parse(asOf))), "text");
    }

    /** {@code matrix ASEAN}: the region's matrix as of today. */
    public String matrix(String region) {
        return matrix(region, LocalDate.now().toString());
    }

    /** {@code matrix ASEAN 2016-01-01}. */
    public String matrix(String region, String asOf) {
        return renderer.render(evaluator.assess(new AssessmentRequest(List.of(), region, DEFAULT_EDITION,
                LocalDate.parse(asOf))), "grid");
    }

    /** {@code packs}: what is installed, its state and its problems. */
    public String packs() {
        return renderer.renderPacks(registry.packs(), "text");
    }

    /** {@code addpack /path/to/pack-dir-or-jar}. */
    public String addpack(String path) {
        return describe(installer.install(Path.of(path)));
    }

    /** {@code updatepack asean}: re-read a directory pack from disk. */
    public String updatepack(String packId) {
        return describe(installer.update(packId, null));
    }

    /** {@code updatepack asean /path/to/new-version}. */
    public String updatepack(String packId, String path) {
        return describe(installer.update(packId, Path.of(path)));
    }

    /** {@code removepack apac}. */
    public String removepack(String packId) {
        installer.uninstall(packId);
        return "Pack " + packId + " uninstalled.\n";
    }

    /** {@code cancelload}: stops every pack load in progress (each is refused; what served keeps serving). */
    public String cancelload() {
        int n = installer instanceof PackInstallerService service ? service.cancelLoads() : 0;
        return n == 0 ? "No load in progress.\n" : "Cancelled " + n + " load(s).\n";
    }

    private String describe(PackInfo info) {
        return renderer.renderPacks(List.of(info), "text");
    }
}
