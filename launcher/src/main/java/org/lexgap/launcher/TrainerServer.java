package org.lexgap.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The platform with the HTTP server inside it ({@code lexgap serve}): Felix HTTP on Jetty 12 with the OSGi Servlet
 * Whiteboard, and the lexgap-server bundle that registers the API and the page with it. Only this class installs
 * those bundles, so that no other command pays for them. Used by the command, the bench and the tests.
 */
public final class TrainerServer implements AutoCloseable {
    /** The bundles serve adds to the platform, in start order (distribution file names without .jar). */
    static final List<String> BUNDLES = List.of("org.apache.felix.http.servlet-api", "commons-io",
            "commons-fileupload", "org.apache.felix.http.jetty12", "lexgap-server");
    private static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final Duration READY = Duration.ofSeconds(30);

    private final Platform platform;
    private final URI url;
    private final String token;
    private final Path uploads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TrainerServer(Platform platform, URI url, String token, Path uploads) {
        this.platform = platform;
        this.url = url;
        this.token = token;
        this.uploads = uploads;
    }

    /** A new random bearer token: 32 bytes from SecureRandom, base64url. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code bind} names only this machine (a loopback address, or a name that resolves to one). */
    public static boolean loopback(String bind) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            return address.isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve --bind " + bind);
        }
    }

    /**
     * Starts the platform with {@code options}, then the HTTP server on {@code bind}:{@code port} (0 picks a free
     * port), and waits until the API answers.
     *
     * @throws IllegalArgumentException when the address cannot be bound (in use, not this machine's)
     */
    public static TrainerServer start(Platform.Options options, String bind, int port, String token) {
        if (port != 0) {
            // Jetty would only log a port in use; say so before starting anything.
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                        + "); choose another --port, or --port 0 for any free one");
            }
        }
        Path uploads;
        try {
            uploads = Files.createTempDirectory("lexgap-uploads-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload folder", e);
        }
        Platform platform = Platform.start(options
                .withProperty("org.osgi.service.http.port", String.valueOf(port))
                .withProperty("org.apache.felix.http.host", bind)
                .withProperty("org.apache.felix.http.jetty.sendServerHeader", "false")
                .withProperty("lexgap.serve.token", token)
                .withProperty("lexgap.serve.uploads", uploads.toString()));
        try {
            platform.startBundles(BUNDLES);
            int actual = awaitPort(platform);
            String host = InetAddress.getByName(bind).isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName()
                    : bind.contains(":") ? "[" + bind + "]" : bind;
            URI url = URI.create("http://" + host + ":" + actual + "/");
            awaitReady(URI.create("http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + actual
                    + "/openapi.json"));
            return new TrainerServer(platform, url, token, uploads);
        } catch (IOException | RuntimeException e) {
            platform.close();
            deleteQuietly(uploads);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("the server did not start: "
                    + e.getMessage(), e);
        }
    }

    /** The port Jetty listens on, from the whiteboard runtime's endpoint property. */
    private static int awaitPort(Platform platform) {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // All references: a test class path may hold another copy of the runtime interface, which must not hide it.
                ServiceReference<?>[] refs = platform.context().getAllServiceReferences(RUNTIME, null);
                if (refs != null) {
                    for (ServiceReference<?> ref : refs) {
                        Object endpoint = ref.getProperty("osgi.http.endpoint");
                        String first = endpoint instanceof String[] list && list.length > 0 ? list[0]
                                : endpoint instanceof java.util.Collection<?> c && !c.isEmpty()
                                ? String.valueOf(c.iterator().next()) : endpoint instanceof String s ? s : null;
                        if (first != null) {
                            int port = URI.create(first).getPort();
                            if (port > 0) {
                                return port;
                            }
                        }
                    }
                }
                Thread.sleep(50);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        StringBuilder states = new StringBuilder();
        for (org.osgi.framework.Bundle bundle : platform.context().getBundles()) {
            if (bundle.getState() != org.osgi.framework.Bundle.ACTIVE) {
                states.append(' ').append(bundle.getSymbolicName()).append(" (state ").append(bundle.getState())
                        .append(')');
            }
        }
        throw new IllegalStateException("the HTTP server did not start within " + READY.toSeconds() + " s"
                + (states.length() > 0 ? "; bundles not active:" + states : "; see the log (-v)"));
    }

    private static void awaitReady(URI probe) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the API did not answer at " + probe + " within " + READY.toSeconds() + " s");
    }

    /** Where the page is, for example {@code http://127.0.0.1:8080/}. */
    public URI url() {
        return url;
    }

    public String token() {
        return token;
    }

    public Platform platform() {
        return platform;
    }

    /** Stops the server and the framework; safe to call more than once (the shutdown hook and the caller). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            platform.close();
            deleteQuietly(uploads);
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
