package org.lexgap.server.internal;

import java.util.List;

/**
 * A request that fails, as the API reports it: an HTTP status, a kebab-case code, the CLI exit code with the same
 * meaning, and a one-line message (never a stack trace). {@code problems} lists every located problem
 * ({@code file:line:column: message}) when there are several, for example in an amendment.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String code;
    final int exit;
    final List<String> problems;

    ApiError(int status, String code, int exit, String message, List<String> problems) {
        super(oneLine(message), null, false, false);
        this.status = status;
        this.code = code;
        this.exit = exit;
        this.problems = List.copyOf(problems);
    }

    ApiError(int status, String code, int exit, String message) {
        this(status, code, exit, message, List.of());
    }

    /** Bad arguments: CLI exit 2. */
    static ApiError badRequest(String message) {
        return new ApiError(400, "bad-request", 2, message);
    }

    /** An unknown jurisdiction, region, edition, criterion or pack: CLI exit 3. */
    static ApiError unknown(String message) {
        return new ApiError(404, "unknown-name", 3, message);
    }

    /** A pack's rules failed during evaluation: CLI exit 4. */
    static ApiError rulesFailed(String message) {
        return new ApiError(422, "rules-failed", 4, message);
    }

    /** A check failed (an invalid amendment): CLI exit 5. */
    static ApiError checkFailed(String message, List<String> problems) {
        return new ApiError(422, "check-failed", 5, message, problems);
    }

    /** The installer refused a pack; the previous version, if any, keeps serving. CLI exit 5. */
    static ApiError packRefused(String message, List<String> problems) {
        return new ApiError(422, "pack-refused", 5, message, problems);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", 2,
                "this change needs the server's token: send the header Authorization: Bearer <token>");
    }

    static ApiError tooLarge(long limit) {
        return new ApiError(413, "too-large", 2, "the request body is over the limit of " + limit / 1024 + " KiB");
    }

    static ApiError noRoute(String method, String path) {
        return new ApiError(404, "not-found", 3, "no such resource: " + method + " " + path
                + " (see /openapi.json)");
    }

    static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(405, "method-not-allowed", 2, method + " is not allowed on " + path);
    }

    static ApiError internal() {
        return new ApiError(500, "internal", 1, "internal error; the server log has the details");
    }

    private static String oneLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).replace('\r', ' ');
    }
}
