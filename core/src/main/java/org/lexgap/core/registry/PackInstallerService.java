package org.lexgap.core.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

import org.lexgap.api.model.PackInfo;
import org.lexgap.api.service.PackInstaller;

/**
 * Installs packs as bundles through the framework, so that the extender sees them exactly as it sees bundles
 * installed any other way. Operations are serialised (concurrent framework updates contend for its resolver lock).
 */
public final class PackInstallerService implements PackInstaller {
    private final BundleContext context;
    private final PackRegistryImpl registry;

    public PackInstallerService(BundleContext context, PackRegistryImpl registry) {
        this.context = context;
        this.registry = registry;
    }

    @Override
    public synchronized PackInfo install(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            Bundle bundle;
            if (Files.isDirectory(absolute)) {
                String location = PackBundles.location(absolute);
                Bundle existing = context.getBundle(location);
                if (existing != null) {
                    existing.update(new ByteArrayInputStream(PackBundles.jar(absolute)));
                    bundle = existing;
                } else {
                    bundle = context.installBundle(location, new ByteArrayInputStream(PackBundles.jar(absolute)));
                }
            } else if (Files.isRegularFile(absolute)) {
                try (InputStream in = Files.newInputStream(absolute)) {
                    bundle = context.installBundle(absolute.toUri().toString(), in);
                }
            } else {
                throw new IllegalArgumentException("no pack at " + absolute);
            }
            if (bundle.getHeaders("").get(PackExtender.HEADER) == null) {
                bundle.uninstall();
                throw new IllegalArgumentException(absolute + " is not a pack bundle (no " + PackExtender.HEADER
                        + " header)");
            }
            bundle.start();
            return info(bundle.getBundleId());
        } catch (BundleException | IOException e) {
            throw new IllegalStateException("cannot install " + absolute + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized PackInfo update(String packId, Path path) {
        Bundle bundle = bundleOf(packId);
        try {
            Path source = path != null ? path.toAbsolutePath().normalize()
                    : PackBundles.isDirectoryLocation(bundle.getLocation()) ? PackBundles.directoryOf(bundle.getLocation())
                    : null;
            if (source == null) {
                bundle.update();
            } else if (Files.isDirectory(source)) {
                bundle.update(new ByteArrayInputStream(PackBundles.jar(source)));
            } else {
                try (InputStream in = Files.newInputStream(source)) {
                    bundle.update(in);
                }
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
            return info(bundle.getBundleId());
        } catch (BundleException | IOException e) {
            throw new IllegalStateException("cannot update pack " + packId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void uninstall(String packId) {
        try {
            bundleOf(packId).uninstall();
        } catch (BundleException e) {
            throw new IllegalStateException("cannot uninstall pack " + packId + ": " + e.getMessage(), e);
        }
    }

    private Bundle bundleOf(String packId) {
        return registry.packs().stream().filter(p -> packId.equals(p.id()))
                .map(p -> context.getBundle(p.bundleId())).filter(b -> b != null)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalArgumentException("no pack \"" + packId + "\" is installed"));
    }

    private PackInfo info(long bundleId) {
        return registry.packs().stream().filter(p -> p.bundleId() == bundleId).findFirst()
                .orElseThrow(() -> new IllegalStateException("bundle " + bundleId + " was not taken up as a pack"));
    }
}
