package org.lexgap.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lexgap.api.model.PackInfo;

/**
 * The Server-Sent Events stream of pack changes: an event {@code packs} with
 * {@code {"change":"installed|updated|removed|refused","id","version"}} whenever the registry changes, and a comment
 * every 15 s so that proxies and browsers keep the stream open. Changes made through this API are sent at once;
 * any other change (the shell, another client of the services) is found by comparing the serving packs every 2 s.
 */
final class PackEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PackEvents.class);
    static final long HEARTBEAT_SECONDS = 15;
    private static final long POLL_MILLIS = 2000;
    /** Open streams at most; one more is refused with 503 rather than holding resources without bound. */
    static final int MAX_STREAMS = 256;

    private final List<AsyncContext> streams = new CopyOnWriteArrayList<>();
    private final Supplier<List<PackInfo>> packs;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "lexgap-server-events");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, String> serving;

    PackEvents(Supplier<List<PackInfo>> packs) {
        this.packs = packs;
        this.serving = snapshot(packs.get());
        timer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Serving pack id to "version sha256". */
    private static Map<String, String> snapshot(List<PackInfo> packs) {
        Map<String, String> out = new HashMap<>();
        for (PackInfo p : packs) {
            if (p.state().equals("SERVING") || p.state().equals("SERVING_PREVIOUS")) {
                out.put(p.id(), p.version() + " " + p.sha256());
            }
        }
        return out;
    }

    int open() {
        return streams.size();
    }

    void subscribe(AsyncContext stream) throws IOException {
        stream.setTimeout(0);
        stream.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                streams.remove(stream);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                drop(stream);
            }

            @Override
            public void onError(AsyncEvent event) {
                drop(stream);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        streams.add(stream);
        write(stream, "retry: 3000\n: connected\n\n");
    }

    /**
     * Runs a change this API makes, with the poll held off until the snapshot has taken it in, so that the change
     * is sent once, by {@link #changed}, and not also by the poll.
     */
    synchronized <T> T changing(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } finally {
            serving = snapshot(packs.get());
        }
    }

    /** Sends a change this API made (after {@link #changing}). */
    synchronized void changed(String change, String id, String version) {
        send(change, id, version);
    }

    private synchronized void poll() {
        try {
            Map<String, String> now = snapshot(packs.get());
            for (Map.Entry<String, String> e : now.entrySet()) {
                String before = serving.get(e.getKey());
                if (before == null) {
                    send("installed", e.getKey(), version(e.getValue()));
                } else if (!before.equals(e.getValue())) {
                    send("updated", e.getKey(), version(e.getValue()));
                }
            }
            for (Map.Entry<String, String> e : serving.entrySet()) {
                if (!now.containsKey(e.getKey())) {
                    send("removed", e.getKey(), version(e.getValue()));
                }
            }
            serving = now;
        } catch (RuntimeException e) {
            LOG.debug("pack poll failed: {}", e.toString());
        }
    }

    private static String version(String snapshotValue) {
        return snapshotValue.substring(0, snapshotValue.indexOf(' '));
    }

    private void send(String change, String id, String version) {
        ObjectNode data = Http.JSON.createObjectNode();
        data.put("change", change);
        data.put("id", id);
        data.put("version", version);
        String event = "event: packs\ndata: " + data + "\n\n";
        for (AsyncContext stream : streams) {
            write(stream, event);
        }
    }

    private void heartbeat() {
        for (AsyncContext stream : streams) {
            write(stream, ": heartbeat\n\n");
        }
    }

    private void write(AsyncContext stream, String text) {
        try {
            synchronized (stream) {
                ServletOutputStream out = stream.getResponse().getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            drop(stream);
        }
    }

    private void drop(AsyncContext stream) {
        if (streams.remove(stream)) {
            try {
                stream.complete();
            } catch (RuntimeException e) {
                // already completed by the container
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (AsyncContext stream : streams) {
            drop(stream);
        }
    }
}
