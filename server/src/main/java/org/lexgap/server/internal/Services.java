package org.lexgap.server.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import org.lexgap.api.service.Evaluator;
import org.lexgap.api.service.PackInstaller;
import org.lexgap.api.service.PackRegistry;
import org.lexgap.api.service.PackToolkit;
import org.lexgap.api.service.ReportRenderer;
import org.lexgap.api.service.ReportService;

/** The core's services, tracked: the same ones the CLI uses, looked up on each use. */
final class Services implements AutoCloseable {
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final ServiceTracker<Evaluator, Evaluator> evaluator;
    private final ServiceTracker<PackRegistry, PackRegistry> registry;
    private final ServiceTracker<PackInstaller, PackInstaller> installer;
    private final ServiceTracker<ReportRenderer, ReportRenderer> renderer;
    private final ServiceTracker<ReportService, ReportService> reports;
    private final ServiceTracker<PackToolkit, PackToolkit> toolkit;

    Services(BundleContext context) {
        evaluator = track(context, Evaluator.class);
        registry = track(context, PackRegistry.class);
        installer = track(context, PackInstaller.class);
        renderer = track(context, ReportRenderer.class);
        reports = track(context, ReportService.class);
        toolkit = track(context, PackToolkit.class);
    }

    private <T> ServiceTracker<T, T> track(BundleContext context, Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        return tracker;
    }

    private static <T> T get(ServiceTracker<T, T> tracker) {
        T service = tracker.getService();
        if (service == null) {
            throw new ApiError(503, "unavailable", 1, "the platform is not ready (a core service is missing)");
        }
        return service;
    }

    Evaluator evaluator() {
        return get(evaluator);
    }

    PackRegistry registry() {
        return get(registry);
    }

    PackInstaller installer() {
        return get(installer);
    }

    ReportRenderer renderer() {
        return get(renderer);
    }

    ReportService reports() {
        return get(reports);
    }

    PackToolkit toolkit() {
        return get(toolkit);
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
