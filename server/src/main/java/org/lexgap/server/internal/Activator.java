package org.lexgap.server.internal;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers the API servlets, the security-headers filter and the page's static files with the OSGi Servlet
 * Whiteboard (Felix HTTP on Jetty 12 picks them up). Configured by framework properties the launcher sets:
 * {@code lexgap.serve.token} (the bearer token changes need) and {@code lexgap.serve.uploads} (where uploaded
 * packs are kept while the server runs).
 */
public final class Activator implements BundleActivator {
    static final String TOKEN = "lexgap.serve.token";
    static final String UPLOADS = "lexgap.serve.uploads";
    private static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
    private static final String ASYNC = "osgi.http.whiteboard.servlet.asyncSupported";
    private static final String NAME = "osgi.http.whiteboard.servlet.name";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Services services;
    private PackEvents events;

    @Override
    public void start(BundleContext context) throws Exception {
        services = new Services(context);
        Token token = new Token(context.getProperty(TOKEN));
        String uploads = context.getProperty(UPLOADS);
        if (uploads == null || uploads.isBlank()) {
            throw new IllegalStateException("no upload folder configured (" + UPLOADS + ")");
        }
        events = new PackEvents(() -> services.registry().packs());
        URL openapi = context.getBundle().getEntry("api/openapi.json");

        Dictionary<String, Object> filter = new Hashtable<>();
        filter.put("osgi.http.whiteboard.filter.pattern", "/*");
        filter.put("osgi.http.whiteboard.filter.asyncSupported", Boolean.TRUE);
        filter.put("osgi.http.whiteboard.filter.name", "lexgap-headers");
        registrations.add(context.registerService(Filter.class, new HeadersFilter(), filter));

        servlet(context, new ApiServlet(services, token, new PackUploads(Path.of(uploads)), events), "/api/*", false);
        servlet(context, new EventsServlet(events), "/api/events", true);
        servlet(context, new OpenApiServlet(openapi), "/openapi.json", false);

        // The page: every other path is a file under web/ in this bundle.
        Dictionary<String, Object> resources = new Hashtable<>();
        resources.put("osgi.http.whiteboard.resource.pattern", "/*");
        resources.put("osgi.http.whiteboard.resource.prefix", "/web");
        registrations.add(context.registerService(Object.class, new Object(), resources));
    }

    private void servlet(BundleContext context, Servlet servlet, String pattern, boolean async) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PATTERN, pattern);
        properties.put(NAME, "lexgap" + pattern);
        properties.put(ASYNC, async);
        registrations.add(context.registerService(Servlet.class, servlet, properties));
    }

    @Override
    public void stop(BundleContext context) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the framework
            }
        }
        registrations.clear();
        if (events != null) {
            events.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
