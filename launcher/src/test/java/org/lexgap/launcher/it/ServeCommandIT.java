package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import org.lexgap.launcher.Platform;

/**
 * 'lexgap serve' as a user starts it: the refusals that happen before anything starts, and the real command in its
 * own JVM, which prints the URL and the token, answers, and stops cleanly on a termination signal (the same
 * shutdown hook Ctrl-C runs).
 */
class ServeCommandIT {

    @Test
    void otherCommandsDoNotInstallTheHttpBundles() {
        try (Platform platform = Platform.start(Platform.Options.defaults().withoutShippedPacks())) {
            List<String> names = java.util.Arrays.stream(platform.context().getBundles())
                    .map(Bundle::getSymbolicName).toList();
            assertTrue(names.contains("org.lexgap.core"), names.toString());
            assertFalse(names.contains("org.apache.felix.http.jetty12") || names.contains("org.lexgap.server"),
                    names.toString());
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenFileRefusesToStart() {
        Cli cli = Cli.run("serve", "--bind", "0.0.0.0", "--port", "0");
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("--bind 0.0.0.0 is reachable from other machines")
                && cli.err().contains("--token-file"), cli.err());
        assertTrue(cli.out().isEmpty(), "nothing started: " + cli.out());
    }

    @Test
    void aTokenFileThatIsMissingOrTooShortRefusesToStart(@TempDir Path tmp) throws Exception {
        Path shortToken = tmp.resolve("token");
        Files.writeString(shortToken, "abc\n");
        Cli tooShort = Cli.run("serve", "--bind", "0.0.0.0", "--port", "0", "--token-file", shortToken.toString());
        assertEquals(2, tooShort.exit(), tooShort.toString());
        assertTrue(tooShort.err().contains("too short"), tooShort.err());
        Cli missing = Cli.run("serve", "--port", "0", "--token-file", tmp.resolve("none").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void theCommandPrintsItsUrlAndTokenAnswersAndStopsCleanlyOnSignal(@TempDir Path tmp) throws Exception {
        Path home = Path.of(System.getProperty("lexgap.home"));
        Path token = tmp.resolve("token");
        Files.writeString(token, "a-token-of-at-least-sixteen-characters\n");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlexgap.user.dir=" + System.getProperty("lexgap.user.dir"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-jar", home.resolve("lib/lexgap-launcher.jar").toString(),
                "serve", "--port", "0", "--token-file", token.toString()))
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertNotNull(first, "serve printed nothing; stderr: " + Files.readString(tmp.resolve("stderr.txt")));
            assertTrue(first.startsWith("Lexgap is serving at http://127.0.0.1:"), first);
            assertTrue(out.readLine().contains("the one in " + token), "names where the token comes from");
            URI url = URI.create(first.substring("Lexgap is serving at ".length()).strip());

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> regions = http.send(HttpRequest.newBuilder(url.resolve("api/regions")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, regions.statusCode());
            assertTrue(regions.body().contains("\"ASEAN\""), regions.body());
            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(url.resolve("api/packs/no-such-pack"))
                    .header("Authorization", "Bearer a-token-of-at-least-sixteen-characters").DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, delete.statusCode(), "the token from the file is accepted: " + delete.body());

            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop within 30 s");
            assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(url.resolve("api/regions"))
                    .build(), HttpResponse.BodyHandlers.ofString()), "the port is closed");
            String stderr = Files.readString(tmp.resolve("stderr.txt"));
            assertFalse(stderr.contains("Exception"), stderr);
        } finally {
            process.destroyForcibly();
        }
    }
}
