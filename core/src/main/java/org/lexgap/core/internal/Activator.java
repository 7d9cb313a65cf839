package org.lexgap.core.internal;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import org.lexgap.api.service.Evaluator;
import org.lexgap.api.service.PackInstaller;
import org.lexgap.api.service.PackRegistry;
import org.lexgap.api.service.PackSigning;
import org.lexgap.api.service.PackToolkit;
import org.lexgap.api.service.ReportRenderer;
import org.lexgap.api.service.ReportService;
import org.lexgap.api.service.SourceIndex;
import org.lexgap.core.authoring.PackToolkitService;
import org.lexgap.core.authoring.SourceIndexService;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.EvaluatorService;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.registry.PackExtender;
import org.lexgap.core.registry.PackInstallerService;
import org.lexgap.core.registry.PackRegistryImpl;
import org.lexgap.core.render.Renderers;
import org.lexgap.core.rules.RuleBudget;
import org.lexgap.core.report.ReportServiceImpl;
import org.lexgap.core.shell.LexgapCommands;
import org.lexgap.core.trust.PackSigningService;
import org.lexgap.core.trust.TrustStore;

/**
 * Wires the core: the registry and the extender that feeds it, and the services. The services are registered
 * before the extender opens, so a client that sees them never sees packs loaded half-way.
 *
 * <p>Framework properties the launcher sets: {@value #TRUST_DISTRIBUTION}, {@value #TRUST_USER} and
 * {@value #TRUST_EXTRA} (folders of trusted public keys; the last a list separated by the path separator),
 * {@value #REQUIRE_SIGNED} ({@code true} refuses unsigned packs), {@value #LOAD_BUDGET} (milliseconds one load
 * may take, 60,000 by default) and {@value #MAX_FILES}, {@value #MAX_FILE_BYTES}, {@value #MAX_PACK_BYTES} (the
 * caps on one pack, {@link PackFiles.Limits#DEFAULT} unless given: only the launcher's synthetic bench raises them,
 * explicitly, for its generated pack; no command-line option does), and {@value #RENDER_AHEAD} (the report format a
 * {@code report} command will write; for pdf, a warm-up thread readies the PDF renderer while the packs load),
 * {@value #BUILD_TIME_RULES} (the distribution's folder of shipped packs' rules compiled when it was built; blank or
 * absent: none) and {@value #RECORD_RULES} ({@code true} only in the build's own step that fills that folder).
 */
public final class Activator implements BundleActivator {
    public static final String TRUST_DISTRIBUTION = "lexgap.trust.distribution";
    public static final String TRUST_USER = "lexgap.trust.user";
    public static final String TRUST_EXTRA = "lexgap.trust.extra";
    public static final String REQUIRE_SIGNED = "lexgap.require.signed";
    public static final String LOAD_BUDGET = "lexgap.load.budget.ms";
    public static final String MAX_FILES = "lexgap.pack.maxFiles";
    public static final String MAX_FILE_BYTES = "lexgap.pack.maxFileBytes";
    public static final String MAX_PACK_BYTES = "lexgap.pack.maxPackBytes";
    /** The report format the command will write; for pdf, a warm-up thread readies the PDF renderer meanwhile. */
    public static final String RENDER_AHEAD = "lexgap.render.ahead";
    /** The folder of rules compiled at build time ({@link org.lexgap.core.registry.PackLoader#buildTimeRulesIn}). */
    public static final String BUILD_TIME_RULES = "lexgap.rules.buildTime";
    /** {@code true}: write the rules this process compiles into {@value #BUILD_TIME_RULES} (the build's step). */
    public static final String RECORD_RULES = "lexgap.rules.record";

    private PackExtender extender;
    private List<Thread> warmUps = List.of();
    private PackInstallerService installer;

    @Override
    public void start(BundleContext context) {
        warmUps = WarmUp.start(context.getProperty(RENDER_AHEAD));
        List<TrustStore.Source> sources = new ArrayList<>();
        folder(context, TRUST_DISTRIBUTION).ifPresent(p -> sources.add(new TrustStore.Source(p, "distribution")));
        Path user = folder(context, TRUST_USER).orElse(null);
        if (user != null) {
            sources.add(new TrustStore.Source(user, "user"));
        }
        String extra = context.getProperty(TRUST_EXTRA);
        if (extra != null) {
            for (String dir : extra.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    sources.add(new TrustStore.Source(Path.of(dir), "option"));
                }
            }
        }
        List<TrustStore.Source> trustSources = List.copyOf(sources);
        boolean requireSigned = Boolean.parseBoolean(context.getProperty(REQUIRE_SIGNED));
        Duration budget = Duration.ofMillis(Long.parseLong(property(context, LOAD_BUDGET, "60000")));

        // The load cache (test passes, compiled rules): off when the launcher names no folder (tests, embedders) or an empty one (--no-cache).
        String cacheDir = context.getProperty("lexgap.cache.dir");
        org.lexgap.core.registry.PackLoader.cacheIn(cacheDir == null || cacheDir.isBlank() ? null : Path.of(cacheDir),
                context.getProperty("lexgap.build"));
        String buildTimeRules = context.getProperty(BUILD_TIME_RULES);
        org.lexgap.core.registry.PackLoader.buildTimeRulesIn(buildTimeRules == null || buildTimeRules.isBlank() ? null
                : Path.of(buildTimeRules), Boolean.parseBoolean(context.getProperty(RECORD_RULES)));
        Engine engine = new Engine(context.getBundle().getVersion().toString(), RuleBudget.from(context::getProperty));
        PackRegistryImpl registry = new PackRegistryImpl(engine, () -> TrustStore.load(trustSources), requireSigned);
        EvaluatorService evaluator = new EvaluatorService(engine, registry::catalog);
        Renderers renderers = new Renderers();
        PackFiles.Limits defaults = PackFiles.Limits.DEFAULT;
        PackFiles.Limits limits = new PackFiles.Limits(
                Integer.parseInt(property(context, MAX_FILES, String.valueOf(defaults.maxFiles()))),
                Long.parseLong(property(context, MAX_FILE_BYTES, String.valueOf(defaults.maxFileBytes()))),
                Long.parseLong(property(context, MAX_PACK_BYTES, String.valueOf(defaults.maxPackBytes()))));
        installer = new PackInstallerService(context, registry, limits, budget);
        context.registerService(PackRegistry.class, registry, null);
        context.registerService(Evaluator.class, evaluator, null);
        context.registerService(ReportRenderer.class, renderers, null);
        context.registerService(PackInstaller.class, installer, null);
        context.registerService(ReportService.class, new ReportServiceImpl(evaluator), null);
        context.registerService(PackToolkit.class, new PackToolkitService(engine, registry::catalog), null);
        context.registerService(SourceIndex.class, new SourceIndexService(registry::catalog), null);
        context.registerService(PackSigning.class, new PackSigningService(() -> TrustStore.load(trustSources), user,
                PackFiles.Limits.DEFAULT), null);
        Hashtable<String, Object> shell = new Hashtable<>();
        shell.put("osgi.command.scope", "lexgap");
        shell.put("osgi.command.function", LexgapCommands.FUNCTIONS);
        context.registerService(Object.class, new LexgapCommands(evaluator, registry, installer, renderers), shell);
        extender = new PackExtender(context, registry);
        extender.open();
    }

    @Override
    public void stop(BundleContext context) {
        warmUps.forEach(Thread::interrupt);
        if (extender != null) {
            extender.close();
        }
        if (installer != null) {
            installer.close();
        }
    }

    private static java.util.Optional<Path> folder(BundleContext context, String property) {
        String value = context.getProperty(property);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(value));
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
