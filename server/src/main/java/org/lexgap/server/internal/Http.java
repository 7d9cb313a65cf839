package org.lexgap.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Reading bodies under a size limit, and writing JSON and errors. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";
    /** JSON request bodies: far above any real amendment set. */
    static final long MAX_JSON = 1L << 20;
    /** Pack uploads: the core's own cap on a whole pack (PackFiles.Limits.DEFAULT). */
    static final long MAX_PACK = 32L << 20;

    /**
     * How much of a refused request's body is read and thrown away before the error is sent. A server that answers
     * while the client is still sending, and then closes, resets the connection over the unread bytes, and the client
     * may lose the answer with it (Java's HttpClient: "header parser received no bytes"); reading the rest first lets
     * the answer arrive. Bounded, so that a client cannot keep the server reading: past it the server answers at once.
     */
    static final long MAX_DISCARD = 64L << 20;

    private Http() {
    }

    /** The body, at most {@code limit} bytes; {@link ApiError#tooLarge} past it, checked before and while reading. */
    static byte[] body(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 && declared <= limit ? (int) declared
                : 8192);
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = request.getInputStream()) {
            if (declared > limit) {
                throw ApiError.tooLarge(limit);
            }
            int n;
            long total = 0;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw ApiError.tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Reads and drops the rest of a body, up to {@link #MAX_DISCARD} bytes. */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        int n;
        while (read < MAX_DISCARD && (n = in.read(buffer)) > 0) {
            read += n;
        }
    }

    static void send(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void json(HttpServletResponse response, int status, String json) throws IOException {
        send(response, status, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpServletResponse response, int status, Object tree) throws IOException {
        json(response, status, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
    }

    /**
     * As {@link #error(HttpServletResponse, ApiError)}, after reading and dropping what is left of the request's
     * body (up to {@link #MAX_DISCARD}): a refusal sent before the body was read (a 401, a 413 on the declared
     * length) would otherwise close the connection over unread bytes, and the client could lose the answer.
     */
    static void error(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        try {
            discard(request.getInputStream());
        } catch (IOException | IllegalStateException e) {
            // the body was read another way, or the client went away: answer anyway
        }
        error(response, error);
    }

    /** {@code {"error":{"code","exit","message"[,"problems"]}}}, with the error's status. */
    static void error(HttpServletResponse response, ApiError error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        Headers.apply(response, true);
        if (error.status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"lexgap\"");
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("code", error.code);
        body.put("exit", error.exit);
        body.put("message", error.getMessage());
        if (!error.problems.isEmpty()) {
            ArrayNode problems = body.putArray("problems");
            error.problems.forEach(problems::add);
        }
        json(response, error.status, root);
    }
}
