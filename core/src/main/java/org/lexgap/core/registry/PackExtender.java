package org.lexgap.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import org.lexgap.core.pack.PackFiles;

/**
 * The extender: every bundle carrying the {@value #HEADER} manifest header is a pack. It is loaded when the bundle
 * starts (or is updated, which restarts it), stops serving when the bundle stops, and is forgotten when the
 * bundle is uninstalled.
 */
public final class PackExtender implements BundleTrackerCustomizer<Bundle> {
    /** The manifest header that marks a bundle as a pack; its value is the pack id. */
    public static final String HEADER = "Lexgap-Pack";

    private final PackRegistryImpl registry;
    private final BundleTracker<Bundle> tracker;
    private final SynchronousBundleListener uninstalls;
    private final BundleContext context;

    public PackExtender(BundleContext context, PackRegistryImpl registry) {
        this.context = context;
        this.registry = registry;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        this.uninstalls = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED) {
                registry.forget(event.getBundle().getBundleId());
            }
        };
    }

    public void open() {
        context.addBundleListener(uninstalls);
        tracker.open();
    }

    public void close() {
        tracker.close();
        context.removeBundleListener(uninstalls);
    }

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getHeaders("").get(HEADER) == null) {
            return null;
        }
        registry.load(bundle.getBundleId(), bundle.getLocation(), files(bundle));
        return bundle;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        // STARTING to ACTIVE: nothing changes for a pack
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        registry.deactivate(bundle.getBundleId());
    }

    /** Reads every file of the bundle except its manifest and OSGi metadata. */
    static PackFiles files(Bundle bundle) {
        Map<String, byte[]> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries("/", "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
            if (path.endsWith("/") || path.startsWith("META-INF/") || path.startsWith("OSGI-INF/")) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                files.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path + " from bundle " + bundle.getLocation(), e);
            }
        }
        return new PackFiles(bundle.getLocation(), files);
    }
}
