package org.lexgap.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lexgap serve}: the HTTP API and the trainer's web page, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API (see /openapi.json) and the trainer's web page from the running platform.",
                "Listens on 127.0.0.1 unless --bind says otherwise. Changes (PUT and DELETE /api/packs) need the",
                "bearer token printed at start, or the one in --token-file. Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Beyond loopback, --token-file is required.")
    String bind;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the bearer token from FILE (its first line) instead of generating one.")
    Path tokenFile;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        boolean loopback;
        try {
            loopback = TrainerServer.loopback(bind);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!loopback && tokenFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind " + bind + " is reachable from other"
                    + " machines: give the token changes need with --token-file FILE (a generated token would only be"
                    + " printed on this terminal)");
        }
        String token = tokenFile == null ? TrainerServer.newToken() : readToken();
        PrintWriter out = spec.commandLine().getOut();
        TrainerServer server;
        try {
            server = TrainerServer.start(platform.options(false), bind, port, token);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lexgap-serve-shutdown"));
        Warnings.failedPacks(server.platform(), spec.commandLine().getErr());
        out.println("Lexgap is serving at " + server.url());
        out.println(tokenFile == null ? "Token for changes (Authorization: Bearer ...): " + token
                : "Token for changes: the one in " + tokenFile);
        out.println("API description: " + server.url().resolve("openapi.json") + "   Stop with Ctrl-C.");
        out.flush();
        server.platform().awaitStop();
        stopped.await();
        return 0;
    }

    private String readToken() {
        try {
            String text = Files.readString(tokenFile).lines().findFirst().orElse("").strip();
            if (text.length() < 16) {
                throw new CommandLine.ParameterException(spec.commandLine(), "the token in " + tokenFile
                        + " is too short: use at least 16 characters (e.g. 32 random bytes, base64)");
            }
            return text;
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --token-file " + tokenFile
                    + (Files.exists(tokenFile) ? ": " + e.getMessage() : ": no such file"));
        }
    }
}
