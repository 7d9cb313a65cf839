package org.lexgap.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;

import org.lexgap.api.model.PackInfo;
import org.lexgap.api.service.Evaluator;
import org.lexgap.api.service.PackInstaller;
import org.lexgap.api.service.PackRegistry;
import org.lexgap.api.service.PackSigning;
import org.lexgap.api.service.PackToolkit;
import org.lexgap.api.service.ReportRenderer;
import org.lexgap.api.service.ReportService;

/**
 * An embedded Felix framework running the Lexgap bundles. The api and SLF4J packages come from the application
 * classpath through the system bundle, so that this class and the bundles share the same api types. Used by the
 * CLI and by the integration tests alike.
 */
public final class Platform implements AutoCloseable {
    /** The api package versions the system bundle exports; each must match its package-info @Version. */
    static final String API_MODEL_VERSION = "1.3.0";
    static final String API_SERVICE_VERSION = "1.1.0";
    private static final String SLF4J_VERSION = "2.0.17";
    /** How long one pack load may take by default (a shipped pack loads in well under a second). */
    static final Duration DEFAULT_LOAD_BUDGET = Duration.ofSeconds(60);
    // Framework properties the core's Activator reads (the launcher cannot see the core's classes).
    private static final String TRUST_DISTRIBUTION = "lexgap.trust.distribution";
    private static final String TRUST_USER = "lexgap.trust.user";
    private static final String TRUST_EXTRA = "lexgap.trust.extra";
    private static final String REQUIRE_SIGNED = "lexgap.require.signed";
    private static final String LOAD_BUDGET = "lexgap.load.budget.ms";
    /** The core's property naming the folder of rules compiled at build time (its Activator's BUILD_TIME_RULES). */
    public static final String BUILD_TIME_RULES = "lexgap.rules.buildTime";
    /** The core's property that makes a run write the rules it compiles there (its Activator's RECORD_RULES). */
    static final String RECORD_RULES = "lexgap.rules.record";

    /** Framework property naming a folder in which to keep the framework's bundle cache between runs (the CLI's). */
    public static final String FELIX_CACHE = "lexgap.felix.cache";

    private final Felix felix;
    private final Path storage;
    /** The lock on a kept bundle cache, or null when the storage is a temporary folder deleted on close. */
    private final java.nio.channels.FileChannel kept;

    private final Distribution distribution;

    private Platform(Felix felix, Path storage, java.nio.channels.FileChannel kept, Distribution distribution) {
        this.felix = felix;
        this.storage = storage;
        this.kept = kept;
        this.distribution = distribution;
    }

    /** How many builds' kept bundle caches stay in the cache folder (this one included); older ones are removed. */
    static final int KEPT_BUNDLE_CACHES = 3;

    /**
     * A bundle cache kept between runs, so that the core bundle's embedded jars are extracted once per build rather
     * than on every start: a folder per build ({@link Distribution#buildId}: a changed bundle set gets a new one),
     * used by one process at a time (a file lock; a second process, or a second platform in this JVM, takes a
     * temporary folder as before). Null when it cannot be had.
     */
    private static Map.Entry<Path, java.nio.channels.FileChannel> keptStorage(Options options) {
        String root = options.properties().get(FELIX_CACHE);
        if (root == null || root.isBlank()) {
            return null;
        }
        try {
            Path folder = Path.of(root).resolve(KeptBundleCaches.PREFIX
                    + options.distribution().buildId().substring(0, 16));
            Files.createDirectories(folder.getParent());
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                    KeptBundleCaches.lockOf(folder), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            KeptBundleCaches.touch(KeptBundleCaches.lockOf(folder));
            KeptBundleCaches.pruneInBackground(folder.getParent(), KEPT_BUNDLE_CACHES);
            return Map.entry(folder, channel);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What to start.
     *
     * @param trustDirectories folders of trusted public keys besides the distribution's and the user's ({@code --trust})
     * @param requireSigned    refuse every pack that no trusted key signed ({@code --require-signed})
     * @param loadBudget       how long one pack load may take before it is cancelled
     * @param properties       framework properties for the bundles, for example the rule budgets
     *                         ({@code lexgap.rules.timeBudget})
     */
    public record Options(Distribution distribution, boolean shippedPacks, List<String> excludedShipped,
                          List<Path> packDirectories, boolean shell, List<Path> trustDirectories,
                          boolean requireSigned, Duration loadBudget, Map<String, String> properties,
                          PackSelection.Need need) {
        public Options {
            properties = Map.copyOf(properties);
        }

        public Options(Distribution distribution, boolean shippedPacks, List<String> excludedShipped,
                       List<Path> packDirectories, boolean shell, List<Path> trustDirectories,
                       boolean requireSigned, Duration loadBudget, Map<String, String> properties) {
            this(distribution, shippedPacks, excludedShipped, packDirectories, shell, trustDirectories, requireSigned,
                    loadBudget, properties, null);
        }

        public Options(Distribution distribution, boolean shippedPacks, List<String> excludedShipped,
                       List<Path> packDirectories, boolean shell) {
            this(distribution, shippedPacks, excludedShipped, packDirectories, shell, List.of(), false,
                    DEFAULT_LOAD_BUDGET, Map.of());
        }

        public static Options defaults() {
            return new Options(Distribution.locate(), true, List.of(), List.of(), false);
        }

        /** These options with the framework property {@code key} set to {@code value}. */
        public Options withProperty(String key, String value) {
            Map<String, String> more = new HashMap<>(properties);
            more.put(key, value);
            return new Options(distribution, shippedPacks, excludedShipped, packDirectories, shell, trustDirectories,
                    requireSigned, loadBudget, more, need);
        }

        public Options withoutShippedPacks() {
            return new Options(distribution, false, excludedShipped, packDirectories, shell, trustDirectories,
                    requireSigned, loadBudget, properties, need);
        }

        /** Leaves out the shipped pack with this id (its jar is named lexgap-pack-ID.jar). */
        public Options withoutShipped(String packId) {
            List<String> excluded = new ArrayList<>(excludedShipped);
            excluded.add(packId);
            return new Options(distribution, shippedPacks, excluded, packDirectories, shell, trustDirectories,
                    requireSigned, loadBudget, properties, need);
        }

        public Options withPacks(List<Path> directories) {
            return new Options(distribution, shippedPacks, excludedShipped, directories, shell, trustDirectories,
                    requireSigned, loadBudget, properties, need);
        }

        public Options withShell() {
            return new Options(distribution, shippedPacks, excludedShipped, packDirectories, true, trustDirectories,
                    requireSigned, loadBudget, properties, need);
        }

        /** Also trusts the public keys in these folders. */
        public Options withTrust(List<Path> directories) {
            return new Options(distribution, shippedPacks, excludedShipped, packDirectories, shell,
                    List.copyOf(directories), requireSigned, loadBudget, properties, need);
        }

        /** Refuses unsigned packs. */
        public Options requiringSigned() {
            return new Options(distribution, shippedPacks, excludedShipped, packDirectories, shell, trustDirectories,
                    true, loadBudget, properties, need);
        }

        /**
         * Loads only the shipped packs that {@code need} may use ({@link PackSelection}); every shipped pack when
         * pack folders are named too.
         */
        Options needing(PackSelection.Need need) {
            return new Options(distribution, shippedPacks, excludedShipped, packDirectories, shell, trustDirectories,
                    requireSigned, loadBudget, properties, need);
        }

        public Options withLoadBudget(Duration budget) {
            return new Options(distribution, shippedPacks, excludedShipped, packDirectories, shell, trustDirectories,
                    requireSigned, budget, properties, need);
        }
    }

    public static Platform start(Options options) {
        Timeline.mark("CLI parsed; starting the platform");
        Map.Entry<Path, java.nio.channels.FileChannel> keptStorage = keptStorage(options);
        Path storage;
        try {
            storage = keptStorage != null ? keptStorage.getKey() : Files.createTempDirectory("lexgap-felix-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the framework's storage folder", e);
        }
        Map<String, Object> config = new HashMap<>(options.properties());
        config.remove(FELIX_CACHE);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        if (keptStorage == null) {
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                "org.lexgap.api.model;version=" + API_MODEL_VERSION,
                "org.lexgap.api.service;version=" + API_SERVICE_VERSION,
                "org.slf4j;version=" + SLF4J_VERSION,
                "org.slf4j.event;version=" + SLF4J_VERSION,
                "org.slf4j.helpers;version=" + SLF4J_VERSION,
                "org.slf4j.spi;version=" + SLF4J_VERSION,
                "sun.misc"));
        // The registry decides which pack versions may coexist; the framework must not refuse a bundle for it.
        config.put("org.osgi.framework.bsnversion", "multiple");
        config.put(TRUST_DISTRIBUTION, options.distribution().trustDirectory().toString());
        config.put(TRUST_USER, Distribution.userTrustDirectory().toString());
        config.put(TRUST_EXTRA, options.trustDirectories().stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        config.put(REQUIRE_SIGNED, String.valueOf(options.requireSigned()));
        config.put(LOAD_BUDGET, String.valueOf(options.loadBudget().toMillis()));
        config.put("lexgap.build", options.distribution().buildId());
        // The shipped packs' rules as compiled when this distribution was built (BuildSigning), unless the options
        // name another folder or none (blank).
        config.putIfAbsent(BUILD_TIME_RULES, options.distribution().buildTimeRules().toString());
        config.put("felix.log.logger", new FelixLogBridge());
        config.put("felix.log.level", "2");
        if (!options.shell()) {
            config.put("gosh.args", "--nointeractive");
        }
        Felix felix = new Felix(config);
        Platform platform = new Platform(felix, storage, keptStorage == null ? null : keptStorage.getValue(),
                options.distribution());
        try {
            Timeline.mark("Felix configured");
            felix.init();
            Timeline.mark("Felix initialised");
            List<String> names = new ArrayList<>(List.of("jackson-annotations", "jackson-core", "jackson-databind",
                    "lexgap-core"));
            if (options.shell()) {
                names.addAll(List.of("org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command"));
            }
            if (keptStorage != null) {
                // A kept cache remembers the last run's bundles: before anything starts, drop every one this run
                // does not install itself (the packs, which this run loads and checks afresh, and the shell's).
                java.util.Set<String> wanted = new java.util.HashSet<>();
                for (String name : names) {
                    wanted.add("reference:" + options.distribution().bundle(name).toUri());
                }
                for (Bundle bundle : felix.getBundleContext().getBundles()) {
                    if (bundle.getBundleId() != 0 && !wanted.contains(bundle.getLocation())) {
                        bundle.uninstall();
                    }
                }
                Timeline.mark("kept bundle cache opened");
            }
            felix.start();
            Timeline.mark("Felix started");
            BundleContext context = felix.getBundleContext();
            List<Bundle> platformBundles = new ArrayList<>();
            for (String name : names) {
                platformBundles.add(context.installBundle(
                        "reference:" + options.distribution().bundle(name).toUri()));
            }
            for (Bundle bundle : platformBundles) {
                bundle.start();
            }
            Timeline.mark("core active");
            PackInstaller installer = platform.service(PackInstaller.class);
            // Each pack is loaded on its own: one that is refused is listed with its reason, and the rest load.
            if (options.shippedPacks()) {
                List<Path> shipped = options.distribution().packs();
                if (options.need() != null && options.packDirectories().isEmpty()) {
                    shipped = PackSelection.select(shipped, options.need());
                    Timeline.mark("packs selected: " + shipped.size());
                }
                for (Path pack : shipped) {
                    if (!options.excludedShipped().contains(pack.getFileName().toString()
                            .replaceFirst("^lexgap-pack-", "").replaceFirst("\\.jar$", ""))) {
                        install(installer, pack);
                    }
                }
            }
            for (Path directory : options.packDirectories()) {
                for (Path pack : packsIn(directory)) {
                    install(installer, pack);
                }
            }
            if (options.shell()) {
                // Last, so that the prompt appears once every pack is loaded.
                context.installBundle("reference:" + options.distribution().bundle("org.apache.felix.gogo.shell")
                        .toUri()).start();
            }
            Timeline.mark("platform up");
            return platform;
        } catch (BundleException | RuntimeException e) {
            platform.close();
            throw new IllegalStateException("the platform did not start: " + e.getMessage(), e);
        }
    }

    private static void install(PackInstaller installer, Path pack) {
        try {
            installer.install(pack);
            Timeline.mark("pack " + pack.getFileName() + " installed");
        } catch (RuntimeException e) {
            // The installer refuses bad packs itself; this is only a last guard so that no pack stops the platform.
            org.slf4j.LoggerFactory.getLogger(Platform.class).error("pack {} was not loaded: {}", pack, e.toString());
        }
    }

    /**
     * The packs under {@code directory}: the directory itself if it holds a pack.json (or is not a folder: the
     * installer then says what is wrong with it), else each sub-directory that holds one (model-law packs first)
     * and each pack jar.
     */
    static List<Path> packsIn(Path directory) {
        if (!Files.isDirectory(directory) || Files.exists(directory.resolve("pack.json"), LinkOption.NOFOLLOW_LINKS)) {
            return List.of(directory);
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> Files.exists(p.resolve("pack.json"), LinkOption.NOFOLLOW_LINKS)
                            || p.toString().endsWith(".jar"))
                    .sorted(Comparator.comparing((Path p) -> !isModelLaw(p)).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads no more than the start of a regular pack.json, never through a link: only to order the packs. */
    private static boolean isModelLaw(Path pack) {
        Path descriptor = pack.resolve("pack.json");
        if (!Files.isRegularFile(descriptor, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(descriptor, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).contains("\"model-law\"");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Installs and starts more of the distribution's bundles (by file name without extension) in a running
     * platform: for the commands that need more than the core, such as {@code serve}, so that the others never
     * pay for them.
     */
    public void startBundles(List<String> names) {
        BundleContext context = felix.getBundleContext();
        List<Bundle> started = new ArrayList<>();
        try {
            for (String name : names) {
                started.add(context.installBundle("reference:" + distribution.bundle(name).toUri()));
            }
            for (Bundle bundle : started) {
                bundle.start();
            }
        } catch (BundleException e) {
            throw new IllegalStateException("cannot start " + names + ": " + e.getMessage(), e);
        }
    }

    /** The service of type {@code type}; the core registers them all before packs load. */
    public <T> T service(Class<T> type) {
        ServiceReference<T> reference = felix.getBundleContext().getServiceReference(type);
        if (reference == null) {
            throw new IllegalStateException("service " + type.getSimpleName() + " is not registered; is lexgap-core active?");
        }
        return felix.getBundleContext().getService(reference);
    }

    public Evaluator evaluator() {
        return service(Evaluator.class);
    }

    public PackRegistry registry() {
        return service(PackRegistry.class);
    }

    public PackInstaller installer() {
        return service(PackInstaller.class);
    }

    public ReportRenderer renderer() {
        return service(ReportRenderer.class);
    }

    public PackToolkit toolkit() {
        return service(PackToolkit.class);
    }

    public ReportService reports() {
        return service(ReportService.class);
    }

    /** Packs that failed to load (with nothing serving in their place). */
    public List<PackInfo> failedPacks() {
        return registry().packs().stream().filter(p -> "FAILED".equals(p.state())).toList();
    }

    /** Serving packs that no trusted key signed. */
    public List<PackInfo> unsignedPacks() {
        return registry().packs().stream().filter(p -> p.state().startsWith("SERVING") && !p.signed()).toList();
    }

    public PackSigning signing() {
        return service(PackSigning.class);
    }

    public BundleContext context() {
        return felix.getBundleContext();
    }

    /** Blocks until the framework stops (the shell's {@code exit} or {@code stop 0}). */
    public void awaitStop() throws InterruptedException {
        felix.waitForStop(0);
    }

    @Override
    public void close() {
        try {
            felix.stop();
            FrameworkEvent event = felix.waitForStop(10_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                org.slf4j.LoggerFactory.getLogger(Platform.class).warn("framework did not stop within 10 s");
            }
        } catch (BundleException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (kept == null) {
                deleteQuietly(storage);
            } else {
                try {
                    kept.close();
                } catch (IOException e) {
                    // the lock goes with the process anyway
                }
            }
            Timeline.mark("platform stopped");
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
