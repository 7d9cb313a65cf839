package org.lexgap.core.registry;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lexgap.api.model.PackInfo;
import org.lexgap.api.service.PackInstaller;
import org.lexgap.core.pack.PackFiles;

/**
 * Installs, updates and removes packs. A load runs on a worker under the time budget ({@link Loads}): the pack's
 * files are read under the caps ({@link PackFiles}), its signature checked, and it is compiled and tested beside
 * what serves ({@link PackRegistryImpl#prepare}); then it is committed in one step. Only a pack that was accepted
 * reaches the framework, as a bundle the loader built ({@link PackBundles}); a refused pack is listed with its
 * reason and changes nothing. Framework operations are short and serialised among themselves; they never wait for
 * a load, so removing a pack never does either.
 */
public final class PackInstallerService implements PackInstaller, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PackInstallerService.class);

    private final BundleContext context;
    private final PackRegistryImpl registry;
    private final PackFiles.Limits limits;
    private final Loads loads;
    private final Object framework = new Object();

    public PackInstallerService(BundleContext context, PackRegistryImpl registry, PackFiles.Limits limits,
                                Duration budget) {
        this.context = context;
        this.registry = registry;
        this.limits = limits;
        this.loads = new Loads(budget);
    }

    @Override
    public PackInfo install(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String key = PackBundles.location(absolute, Files.isDirectory(absolute));
        return load(key, absolute, true);
    }

    @Override
    public PackInfo update(String packId, Path path) {
        Map.Entry<String, Path> slot = registry.find(packId)
                .orElseThrow(() -> new IllegalArgumentException("no pack \"" + packId + "\" is installed"));
        Path source = path != null ? path.toAbsolutePath().normalize() : slot.getValue();
        if (source == null) {
            throw new IllegalArgumentException("pack " + packId + " was not installed from a folder or jar that"
                    + " Lexgap can read again; name the new content's path");
        }
        return load(slot.getKey(), source, false);
    }

    @Override
    public void uninstall(String packId) {
        synchronized (framework) {
            Map.Entry<String, Long> removed = registry.remove(packId)
                    .orElseThrow(() -> new IllegalArgumentException("no pack \"" + packId + "\" is installed"));
            Bundle bundle = removed.getValue() >= 0 ? context.getBundle(removed.getValue()) : null;
            if (bundle != null) {
                try {
                    bundle.uninstall();
                } catch (BundleException | IllegalStateException e) {
                    throw new IllegalStateException("cannot uninstall pack " + packId + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Cancels every load in progress (the shell's {@code cancelload}); returns how many were cancelled. */
    public int cancelLoads() {
        return loads.cancelAll("the load was cancelled (cancelload)");
    }

    public Duration budget() {
        return loads.budget();
    }

    private PackInfo load(String key, Path source, boolean install) {
        String name = PackFiles.peekId(source).orElse(source.getFileName() == null ? source.toString()
                : source.getFileName().toString());
        registry.loading(key, name);
        try {
            PackRegistryImpl.Candidate candidate = loads.run(key,
                    cancellation -> registry.prepare(key, source, () -> PackFiles.read(source, limits), cancellation),
                    (cancellation, reason) -> registry.refused(key, source, name, null, null, reason, cancellation));
            PackRegistryImpl.Outcome outcome = registry.commit(candidate, install);
            if (outcome.accepted()) {
                mirror(key, outcome);
            }
            return registry.info(key, name);
        } finally {
            registry.loaded(key);
        }
    }

    /**
     * Puts the content that now serves into the framework, as the slot's bundle: installed and started the first
     * time, updated in place afterwards (its stop and restart are not a stop for the registry). The registry already
     * serves the content, so readers see no gap; should the framework refuse, the pack keeps serving and the
     * problem is logged.
     */
    private void mirror(String key, PackRegistryImpl.Outcome outcome) {
        byte[] jar = PackBundles.jar(outcome.pack(), outcome.pack().content().files());
        synchronized (framework) {
            if (!registry.installed(key)) {
                return;
            }
            long bundleId = registry.bundleOf(key);
            Bundle bundle = bundleId >= 0 ? context.getBundle(bundleId) : null;
            try {
                if (bundle == null) {
                    bundle = context.installBundle(key, new ByteArrayInputStream(jar));
                    registry.bound(key, bundle.getBundleId());
                    bundle.start();
                } else {
                    registry.restarting(key, true);
                    try {
                        bundle.update(new ByteArrayInputStream(jar));
                        if (bundle.getState() != Bundle.ACTIVE) {
                            bundle.start();
                        }
                    } finally {
                        registry.restarting(key, false);
                    }
                }
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("pack {} serves, but the framework did not take its bundle: {}", outcome.pack().id(),
                        e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        loads.close();
    }
}
