package org.lexgap.server.internal;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/events}: the Server-Sent Events stream of pack changes ({@link PackEvents}). */
final class EventsServlet extends HttpServlet {
    private final PackEvents events;

    EventsServlet(PackEvents events) {
        this.events = events;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            Http.error(response, ApiError.methodNotAllowed(request.getMethod(), "/api/events"));
            return;
        }
        if (events.open() >= PackEvents.MAX_STREAMS) {
            Http.error(response, new ApiError(503, "too-many-streams", 1, "too many open event streams; try later"));
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext stream = request.startAsync();
        events.subscribe(stream);
    }
}
