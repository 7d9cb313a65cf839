package org.lexgap.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

/** The bearer token every change needs, compared in constant time. */
final class Token {
    private final byte[] expected;

    Token(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no server token configured (lexgap.serve.token)");
        }
        this.expected = token.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** Throws {@link ApiError#unauthorized()} unless the request carries {@code Authorization: Bearer <token>}. */
    void require(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // MessageDigest.isEqual takes the same time whatever the first differing byte is.
        if (!MessageDigest.isEqual(expected, given)) {
            throw ApiError.unauthorized();
        }
    }
}
