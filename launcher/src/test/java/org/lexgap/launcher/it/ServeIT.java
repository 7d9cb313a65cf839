package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lexgap.launcher.it.ServeClient.error;
import static org.lexgap.launcher.it.ServeClient.json;
import static org.lexgap.launcher.it.ServeClient.text;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.launcher.Platform;
import org.lexgap.launcher.TrainerServer;

/**
 * 'lexgap serve' in the real platform: real Felix, the real bundles and Drools, real Jetty on a free port, driven by
 * the JDK's HttpClient. What the API answers is compared with what the CLI prints for the same arguments. The
 * tests that change packs run last and use a pack of their own ("swap", Swapland ZZ), so that the comparisons
 * see the shipped packs only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeIT {
    static final String AS_OF = "2016-01-01";
    static TrainerServer server;
    static ServeClient api;
    /** What the CLI prints, taken before the server starts (one framework at a time has the JVM's bundle: URLs). */
    static Cli phJson;
    static Cli aseanJson;
    static Cli explainJson;
    static byte[] aseanPdf;
    static byte[] phHtml;

    @BeforeAll
    static void start(@TempDir Path tmp) throws Exception {
        phJson = ok(Cli.run("assess", "--jurisdiction", "PH", "--edition", "8", "--as-of", AS_OF, "--format", "json"));
        aseanJson = ok(Cli.run("matrix", "--region", "ASEAN", "--edition", "8", "--as-of", AS_OF, "--format", "json"));
        explainJson = ok(Cli.run("explain", "-j", "PH", "-c", "simple_possession", "--as-of", AS_OF, "--format",
                "json"));
        Path pdf = tmp.resolve("asean.pdf");
        ok(Cli.run("report", "--region", "ASEAN", "--as-of", AS_OF, "--format", "pdf", "-o", pdf.toString()));
        aseanPdf = Files.readAllBytes(pdf);
        Path html = tmp.resolve("ph.html");
        ok(Cli.run("report", "--jurisdiction", "PH", "--as-of", AS_OF, "--format", "html", "-o", html.toString()));
        phHtml = Files.readAllBytes(html);
        server = TrainerServer.start(Platform.Options.defaults(), "127.0.0.1", 0, TrainerServer.newToken());
        api = new ServeClient(server.url(), server.token());
    }

    static Cli ok(Cli cli) {
        assertEquals(0, cli.exit(), cli.toString());
        return cli;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void readEndpointsListWhatServesWithTheSecurityHeaders() {
        HttpResponse<byte[]> jurisdictions = api.get("api/jurisdictions");
        assertEquals(200, jurisdictions.statusCode());
        assertTrue(text(jurisdictions).contains("\"code\" : \"PH\""), text(jurisdictions));
        assertEquals("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors"
                + " 'none'", jurisdictions.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("nosniff", jurisdictions.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("no-referrer", jurisdictions.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", jurisdictions.headers().firstValue("Cache-Control").orElse(null));

        JsonNode regions = json(api.get("api/regions"));
        JsonNode asean = null;
        for (JsonNode r : regions) {
            if (r.get("id").asText().equals("ASEAN")) {
                asean = r;
            }
        }
        assertNotNull(asean, regions.toString());
        assertEquals(10, asean.get("members").size());

        JsonNode editions = json(api.get("api/editions"));
        JsonNode eighth = null;
        for (JsonNode e : editions) {
            if (e.get("edition").asText().equals("8")) {
                eighth = e;
            }
        }
        assertNotNull(eighth, editions.toString());
        assertEquals("specific_legislation", eighth.get("criteria").get(0).get("id").asText());
        assertFalse(eighth.get("criteria").get(0).get("question").asText().isBlank());

        JsonNode packs = json(api.get("api/packs"));
        for (JsonNode p : packs) {
            if (p.get("id").asText().equals("asean")) {
                assertEquals(TestPacks.version(TestPacks.ASEAN), p.get("version").asText());
                assertTrue(p.get("signed").asBoolean());
                assertEquals("SERVING", p.get("state").asText());
                assertEquals(64, p.get("sha256").asText().length());
                assertTrue(p.has("lastError") && p.has("signer") && p.has("kind"));
            }
        }
        assertTrue(ServeClient.ids(packs).contains("asean"), packs.toString());

        HttpResponse<byte[]> page = api.get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    @Order(2)
    void assessAnswersTheCliJsonForAJurisdictionAndForTheRegion() {
        Cli ph = phJson;
        HttpResponse<byte[]> response = api.get("api/assess?jurisdiction=PH&edition=8&asOf=" + AS_OF);
        assertEquals(200, response.statusCode(), text(response));
        assertEquals(ph.out(), text(response));

        Cli asean = aseanJson;
        assertEquals(asean.out(), text(api.get("api/assess?region=ASEAN&edition=8&asOf=" + AS_OF)));
        // The same through POST, with no amendments.
        assertEquals(asean.out(), text(api.post("api/assess", "{\"region\": \"ASEAN\", \"edition\": \"8\", \"asOf\": \""
                + AS_OF + "\"}")));
    }

    @Test
    @Order(3)
    void reportsAreTheCliBytesWithTheirContentTypeAndFileName() {
        HttpResponse<byte[]> apiPdf = api.get("api/report?region=ASEAN&edition=8&asOf=" + AS_OF + "&format=pdf");
        assertEquals(200, apiPdf.statusCode());
        assertEquals("application/pdf", apiPdf.headers().firstValue("Content-Type").orElse(null));
        assertTrue(apiPdf.headers().firstValue("Content-Disposition").orElse("")
                .contains("filename=\"lexgap-ASEAN-edition-8-2016-01-01.pdf\""), apiPdf.headers().toString());
        assertArrayEquals(aseanPdf, apiPdf.body());

        HttpResponse<byte[]> apiHtml = api.get("api/report?jurisdiction=PH&asOf=" + AS_OF + "&format=html&lang=en");
        assertEquals(200, apiHtml.statusCode());
        assertTrue(apiHtml.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertArrayEquals(phHtml, apiHtml.body());
        // The report's inline stylesheet is allowed; scripts are not.
        String csp = apiHtml.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("script-src"), csp);

        error(api.get("api/report?region=ASEAN&format=docx"), 400, "bad-request", 2);
        error(api.get("api/report?region=ASEAN&lang=xx"), 400, "bad-request", 2);
    }

    @Test
    @Order(4)
    void explainAnswersTheCliJson() {
        Cli cli = explainJson;
        HttpResponse<byte[]> response = api.get("api/explain?jurisdiction=PH&criterion=simple_possession&edition=8&asOf="
                + AS_OF);
        assertEquals(200, response.statusCode(), text(response));
        assertEquals(cli.out(), text(response));
        error(api.get("api/explain?jurisdiction=PH&criterion=no_such_criterion&asOf=" + AS_OF), 404, "unknown-name", 3);
    }

    @Test
    @Order(5)
    void amendmentsInThePostBodyChangeACellMarkedHypotheticalAndChangeNoPack() {
        String packsBefore = text(api.get("api/packs"));
        String body = "{\"jurisdiction\": \"MY\", \"edition\": \"8\", \"asOf\": \"" + AS_OF + "\", \"amendments\": ["
                + WhatIfIT.POSSESSION + "]}";
        HttpResponse<byte[]> amended = api.post("api/assess", body);
        assertEquals(200, amended.statusCode(), text(amended));
        JsonNode analysis = json(amended);
        assertTrue(analysis.get("hypothetical").asBoolean(), "the analysis is marked hypothetical");
        JsonNode possession = criterion(analysis, "simple_possession");
        assertEquals("MET", possession.get("status").asText(), possession.toString());
        assertEquals("NOT_MET", possession.get("whatIf").get("baseline").asText(), possession.toString());
        assertTrue(possession.get("whatIf").get("changed").asBoolean(), possession.toString());
        HttpResponse<byte[]> region = api.post("api/assess", "{\"region\": \"ASEAN\", \"asOf\": \"" + AS_OF
                + "\", \"amendments\": [" + WhatIfIT.POSSESSION + "]}");
        assertTrue(text(region).contains("amendment[0]"), "the amendment is named");
        HttpResponse<byte[]> report = api.post("api/report", "{\"region\": \"ASEAN\", \"asOf\": \"" + AS_OF
                + "\", \"format\": \"csv\", \"amendments\": [" + WhatIfIT.POSSESSION + "]}");
        assertTrue(text(report).contains("Malaysia,MY,4,simple_possession,NOT_MET,MET,"), text(report));
        assertEquals(packsBefore, text(api.get("api/packs")));
        String plain = text(api.get("api/assess?jurisdiction=MY&asOf=" + AS_OF));
        assertFalse(plain.contains("\"hypothetical\""), "the recorded law is unchanged");
    }

    @Test
    @Order(6)
    void aMalformedAmendmentIs422WithExit5AndItsPlaceAsTheCliGivesIt() throws Exception {
        String malformed = "{\n  \"title\": \"x\",\n  \"jurisdiction\": \"MY\"\n  \"note\": \"n\"\n}\n";
        String body = "{\"jurisdiction\": \"MY\", \"asOf\": \"" + AS_OF + "\", \"amendments\": ["
                + ServeClient.JSON.writeValueAsString(malformed) + "]}";
        for (String path : List.of("api/assess", "api/report")) {
            JsonNode error = error(api.post(path, body), 422, "check-failed", 5);
            assertTrue(error.get("message").asText().startsWith("amendment[0]:4:3: malformed JSON"), error.toString());
        }
        JsonNode unknownId = error(api.post("api/assess", "{\"jurisdiction\": \"MY\", \"amendments\": [{\"title\": \"x\","
                + " \"jurisdiction\": \"MY\", \"changes\": [{\"id\": \"r\", \"kind\": \"repeal\", \"target\": \"NO-SUCH\","
                + " \"from\": \"2016-01-01\"}]}]}"), 422, "check-failed", 5);
        assertTrue(unknownId.get("message").asText().startsWith("amendment[0]"), unknownId.toString());
        error(api.post("api/assess", "{\"jurisdiction\": "), 400, "bad-request", 2);
    }

    @Test
    @Order(7)
    void badArgumentsAndUnknownNamesHaveTheCliExitCodes() {
        error(api.get("api/assess?jurisdiction=ZZ&asOf=" + AS_OF), 404, "unknown-name", 3);
        error(api.get("api/assess?region=NOWHERE"), 404, "unknown-name", 3);
        error(api.get("api/assess?jurisdiction=PH&edition=99"), 404, "unknown-name", 3);
        error(api.get("api/assess"), 400, "bad-request", 2);
        error(api.get("api/assess?jurisdiction=PH&region=ASEAN"), 400, "bad-request", 2);
        error(api.get("api/assess?jurisdiction=PH&asOf=yesterday"), 400, "bad-request", 2);
        error(api.get("api/nothing-here"), 404, "not-found", 3);
        error(api.send(HttpRequest.newBuilder(api.base().resolve("api/jurisdictions"))
                .DELETE()), 405, "method-not-allowed", 2);
    }

    @Test
    @Order(8)
    void overLimitBodiesAre413() {
        String big = "{\"region\": \"ASEAN\", \"note\": \"" + "x".repeat((1 << 20) + 10) + "\"}";
        error(api.post("api/assess", big), 413, "too-large", 2);
        error(api.put("api/packs", new byte[(32 << 20) + 1024], true), 413, "too-large", 2);
        assertEquals(200, api.get("api/jurisdictions").statusCode(), "the server still answers");
    }

    @Test
    @Order(9)
    void openApiDocumentsEveryRouteAndEveryDocumentedPathAnswers() throws Exception {
        JsonNode doc = json(api.get("openapi.json"));
        assertTrue(doc.get("openapi").asText().startsWith("3.0"));
        List<String> documented = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        // Every route the server has.
        for (String route : List.of("/", "/openapi.json", "/api/jurisdictions", "/api/regions", "/api/editions",
                "/api/packs", "/api/packs/{id}", "/api/assess", "/api/explain", "/api/report", "/api/events")) {
            assertTrue(documented.contains(route), route + " is not documented");
        }
        for (String path : documented) {
            Iterator<String> methods = doc.get("paths").get(path).fieldNames();
            while (methods.hasNext()) {
                String method = methods.next().toUpperCase();
                String concrete = path.replace("{id}", "no-such-pack").substring(1);
                HttpResponse<byte[]> response;
                if (path.equals("/api/events")) {
                    HttpResponse<java.io.InputStream> stream = api.http().send(HttpRequest.newBuilder(api.base()
                            .resolve(concrete)).build(), HttpResponse.BodyHandlers.ofInputStream());
                    assertEquals(200, stream.statusCode());
                    assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElse("")
                            .split(";")[0]);
                    stream.body().close();
                    continue;
                }
                String query = path.equals("/api/explain") ? "?jurisdiction=PH&criterion=simple_possession&asOf="
                        + AS_OF : path.equals("/api/assess") || path.equals("/api/report") ? "?region=ASEAN&asOf=" + AS_OF
                        + "&format=md" : "";
                response = switch (method) {
                    case "GET" -> api.get(concrete + query);
                    case "POST" -> api.post(concrete, "{\"region\": \"ASEAN\", \"asOf\": \"" + AS_OF
                            + "\", \"format\": \"md\", \"jurisdiction\": \""
                            + (path.equals("/api/explain") ? "PH\", \"criterion\": \"simple_possession\"}" : "\"}"));
                    case "PUT" -> api.put(concrete, new byte[] {'P', 'K', 5, 6}, false);
                    case "DELETE" -> api.delete(concrete, null);
                    default -> throw new AssertionError(method);
                };
                int status = response.statusCode();
                if (method.equals("PUT") || method.equals("DELETE")) {
                    error(response, 401, "unauthorized", 2);
                } else {
                    assertEquals(200, status, method + " " + path + ": " + text(response));
                }
            }
        }
    }

    // ---- changes: last, with a pack of their own ----

    @Test
    @Order(20)
    void aChangeWithoutTheTokenIs401AndChangesNothing(@TempDir Path tmp) {
        String before = text(api.get("api/packs"));
        Path swap = tmp.resolve("swap");
        SwapIT.writeSwap(swap, 1, false);
        error(api.put("api/packs", ServeClient.zipFolder(swap), false), 401, "unauthorized", 2);
        HttpResponse<byte[]> wrong = api.send(HttpRequest.newBuilder(api.base().resolve("api/packs"))
                .header("Authorization", "Bearer " + server.token().substring(1) + "x")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(ServeClient.zipFolder(swap))));
        error(wrong, 401, "unauthorized", 2);
        error(api.delete("api/packs/asean", null), 401, "unauthorized", 2);
        error(api.delete("api/packs/asean", "not-the-token"), 401, "unauthorized", 2);
        assertEquals(before, text(api.get("api/packs")));
    }

    @Test
    @Order(21)
    void aNewPackVersionChangesTheAssessmentAndAnEventArrives(@TempDir Path tmp) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> events = api.http().sendAsync(HttpRequest.newBuilder(
                api.base().resolve("api/events")).build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = events.get(30, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertEquals(": connected", poll(lines, l -> l.startsWith(":")), "the stream opens");

        Path swap = tmp.resolve("swap");
        SwapIT.writeSwap(swap, 1, false);
        HttpResponse<byte[]> installed = api.put("api/packs", ServeClient.zipFolder(swap), true);
        assertEquals(201, installed.statusCode(), text(installed));
        assertEquals("installed", json(installed).get("change").asText());
        assertEquals("{\"change\":\"installed\",\"id\":\"swap\",\"version\":\"1.0.1\"}", nextEvent(lines));
        assertEquals("MET", status(json(api.get("api/assess?jurisdiction=ZZ&asOf=" + AS_OF)), "simple_possession"));

        SwapIT.writeSwap(swap, 2, false);
        HttpResponse<byte[]> updated = api.put("api/packs", ServeClient.jar(swap, null), true);
        assertEquals(200, updated.statusCode(), text(updated));
        assertEquals("1.0.1", json(updated).get("previousVersion").asText());
        assertEquals("{\"change\":\"updated\",\"id\":\"swap\",\"version\":\"1.0.2\"}", nextEvent(lines));
        assertEquals("NOT_MET", status(json(api.get("api/assess?jurisdiction=ZZ&asOf=" + AS_OF)), "simple_possession"));

        // A broken version is refused with its place; 1.0.2 keeps answering.
        SwapIT.writeSwap(swap, 3, true);
        JsonNode refused = error(api.put("api/packs", ServeClient.zipFolder(swap), true), 422, "pack-refused", 5);
        assertTrue(refused.get("message").asText().contains("jurisdictions/ZZ.json"), refused.toString());
        assertTrue(refused.get("message").asText().contains("1.0.2 keeps serving"), refused.toString());
        assertEquals("{\"change\":\"refused\",\"id\":\"swap\",\"version\":\"1.0.3\"}", nextEvent(lines));
        assertEquals("NOT_MET", status(json(api.get("api/assess?jurisdiction=ZZ&asOf=" + AS_OF)), "simple_possession"));

        HttpResponse<byte[]> removed = api.delete("api/packs/swap", server.token());
        assertEquals(200, removed.statusCode(), text(removed));
        assertEquals("{\"change\":\"removed\",\"id\":\"swap\",\"version\":\"1.0.2\"}", nextEvent(lines));
        error(api.get("api/assess?jurisdiction=ZZ&asOf=" + AS_OF), 404, "unknown-name", 3);
        error(api.delete("api/packs/swap", server.token()), 404, "unknown-pack", 3);
        stream.body().close();
    }

    @Test
    @Order(22)
    void hostilePacksAreRefusedAndTheOthersKeepAnswering(@TempDir Path tmp) {
        String aseanBefore = text(api.get("api/assess?region=ASEAN&asOf=" + AS_OF));
        // A jar that asks for code to start.
        Path hostile = SwapIT.flipPack(tmp.resolve("hostile"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-Activator", "evil.Activator");
        JsonNode code = error(api.put("api/packs", ServeClient.jar(hostile, manifest), true), 422, "pack-refused", 5);
        assertTrue(code.get("message").asText().contains("Bundle-Activator"), code.toString());

        // An unsigned pack may not replace the signed ASEAN pack, whatever its version.
        Path fake = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean"));
        try {
            Files.deleteIfExists(fake.resolve("signature.jws"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestPacks.setVersion(fake, "99.0.0");
        TestPacks.replace(fake.resolve("jurisdictions/PH.json"), "\"PH\"", "\"PH\"");
        JsonNode unsigned = error(api.put("api/packs", ServeClient.zipFolder(fake), true), 422, "pack-refused", 5);
        assertTrue(unsigned.get("message").asText().contains("signed"), unsigned.toString());

        List<String> ids = ServeClient.ids(json(api.get("api/packs")));
        assertFalse(ids.contains("flip") || ids.stream().anyMatch(id -> id.startsWith("upload-")),
                "a refused new pack is not left listed: " + ids);

        // Not an archive at all.
        error(api.put("api/packs", "{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8), true), 400, "bad-request", 2);
        assertEquals(aseanBefore, text(api.get("api/assess?region=ASEAN&asOf=" + AS_OF)));
    }

    @Test
    @Order(23)
    void aSignedNewVersionOfAseanReplacesItThroughTheApi(@TempDir Path tmp) {
        Path asean = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean"));
        String shipped = TestPacks.version(asean);
        String next = shipped.replaceFirst("\\.(\\d+)$", "") + "." + (Integer.parseInt(shipped.replaceFirst(".*\\.", "")) + 1);
        TestPacks.setVersion(asean, next);
        // Signed with the server's own platform: a second framework started and stopped beside it would break the
        // JVM-wide bundle: URL handlers it uses.
        assertEquals("SIGNED", server.platform().signing().sign(asean, TestPacks.BUILD_KEY).status());
        HttpResponse<byte[]> updated = api.put("api/packs", ServeClient.zipFolder(asean), true);
        assertEquals(200, updated.statusCode(), text(updated));
        assertEquals(next, json(updated).get("pack").get("version").asText());
        assertTrue(json(updated).get("pack").get("signed").asBoolean());
        assertTrue(text(api.get("api/assess?region=ASEAN&asOf=" + AS_OF)).contains("\"version\" : \"" + next + "\""));
    }

    static String status(JsonNode analysis, String criterion) {
        return criterion(analysis, criterion).get("status").asText();
    }

    /** The criterion's assessment in the first jurisdiction of the analysis. */
    static JsonNode criterion(JsonNode analysis, String criterion) {
        for (JsonNode c : analysis.get("jurisdictions").get(0).get("criteria")) {
            if (c.get("id").asText().equals(criterion)) {
                return c;
            }
        }
        throw new AssertionError("no " + criterion + " in " + analysis);
    }

    /** The data of the next "packs" event. */
    static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        poll(lines, "event: packs"::equals);
        return poll(lines, l -> l.startsWith("data: ")).substring("data: ".length());
    }

    static String poll(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no such line within 30 s");
    }
}
