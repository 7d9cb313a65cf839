package org.lexgap.core.registry;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The extender: follows the life of the bundles that hold packs. Lexgap builds those bundles itself
 * ({@link PackBundles}) after a pack was read and accepted, so nothing is read from a bundle here: a pack bundle
 * that starts serves again, one that stops stops serving, one that is uninstalled is forgotten. A bundle with the
 * {@value #HEADER} header that was installed into the framework some other way is listed as refused.
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
        String id = bundle.getHeaders("").get(HEADER);
        if (id == null) {
            return null;
        }
        if (PackBundles.isLexgapLocation(bundle.getLocation())) {
            registry.activate(bundle.getBundleId());
        } else {
            registry.refuseForeign(bundle.getBundleId(), bundle.getLocation(), id);
        }
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
}
