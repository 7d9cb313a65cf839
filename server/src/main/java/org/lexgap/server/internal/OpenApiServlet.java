package org.lexgap.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /openapi.json}: the OpenAPI 3.0 description of the API, a resource of this bundle. */
final class OpenApiServlet extends HttpServlet {
    private final byte[] document;

    OpenApiServlet(URL resource) throws IOException {
        try (InputStream in = resource.openStream()) {
            this.document = in.readAllBytes();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Http.send(response, 200, Http.JSON_TYPE, document);
    }
}
