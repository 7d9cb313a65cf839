package org.lexgap.server.internal;

import jakarta.servlet.http.HttpServletResponse;

/** The security headers every response carries. */
final class Headers {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'";
    /**
     * For the HTML report only: it is a self-contained document with its own inline stylesheet (the same bytes as
     * the CLI writes), so it may use inline styles, and nothing else: no script, no other origin.
     */
    static final String REPORT_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline';"
            + " frame-ancestors 'none'";

    private Headers() {
    }

    static void apply(HttpServletResponse response, boolean api) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (api) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
