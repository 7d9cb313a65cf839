package org.lexgap.core.internal;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import org.lexgap.api.service.Evaluator;
import org.lexgap.api.service.PackInstaller;
import org.lexgap.api.service.PackRegistry;
import org.lexgap.api.service.PackToolkit;
import org.lexgap.api.service.ReportRenderer;
import org.lexgap.api.service.ReportService;
import org.lexgap.core.authoring.PackToolkitService;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.EvaluatorService;
import org.lexgap.core.registry.PackExtender;
import org.lexgap.core.registry.PackInstallerService;
import org.lexgap.core.registry.PackRegistryImpl;
import org.lexgap.core.render.Renderers;
import org.lexgap.core.rules.RuleBudget;
import org.lexgap.core.report.ReportServiceImpl;
import org.lexgap.core.shell.LexgapCommands;

/**
 * Wires the core: the registry and the extender that feeds it, and the services. The services are registered
 * before the extender opens, so a client that sees them never sees packs loaded half-way.
 */
public final class Activator implements BundleActivator {
    private PackExtender extender;

    @Override
    public void start(BundleContext context) {
        Engine engine = new Engine(context.getBundle().getVersion().toString(), RuleBudget.from(context::getProperty));
        PackRegistryImpl registry = new PackRegistryImpl(engine);
        EvaluatorService evaluator = new EvaluatorService(engine, registry::catalog);
        Renderers renderers = new Renderers();
        PackInstallerService installer = new PackInstallerService(context, registry);
        context.registerService(PackRegistry.class, registry, null);
        context.registerService(Evaluator.class, evaluator, null);
        context.registerService(ReportRenderer.class, renderers, null);
        context.registerService(PackInstaller.class, installer, null);
        context.registerService(ReportService.class, new ReportServiceImpl(evaluator), null);
        context.registerService(PackToolkit.class, new PackToolkitService(engine, registry::catalog), null);
        Hashtable<String, Object> shell = new Hashtable<>();
        shell.put("osgi.command.scope", "lexgap");
        shell.put("osgi.command.function", LexgapCommands.FUNCTIONS);
        context.registerService(Object.class, new LexgapCommands(evaluator, registry, installer, renderers), shell);
        extender = new PackExtender(context, registry);
        extender.open();
    }

    @Override
    public void stop(BundleContext context) {
        if (extender != null) {
            extender.close();
        }
    }
}
