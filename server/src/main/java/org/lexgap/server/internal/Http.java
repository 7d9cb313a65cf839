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

    private Http() {
    }

    /** The body, at most {@code limit} bytes; {@link ApiError#tooLarge} past it, checked before and while reading. */
    static byte[] body(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw ApiError.tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = request.getInputStream()) {
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
