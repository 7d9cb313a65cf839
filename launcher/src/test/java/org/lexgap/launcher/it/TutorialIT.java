package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/authoring-tutorial.md as written: {@code sh} blocks are commands (a trailing {@code # exit N} gives the
 * expected exit code), {@code file=PATH} blocks are written to PATH, and {@code text expect} blocks list lines the
 * preceding commands must print. {@code console} blocks are shown to readers but not run.
 */
class TutorialIT {
    static final Path TUTORIAL = TestPacks.REPO.resolve("docs/authoring-tutorial.md");
    static final Pattern FENCE = Pattern.compile("^```(.*)$");
    static final Pattern EXIT = Pattern.compile("#\\s*exit\\s+(\\d+)\\s*$");

    record Block(String info, String body, int line) {
    }

    @Test
    void theTutorialWorksAsWritten(@TempDir Path work) throws Exception {
        Path shim = work.resolve("lexgap");
        Files.writeString(shim, "#!/usr/bin/env bash\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -jar \"" + Path.of(System.getProperty("lexgap.home"), "lib", "lexgap-launcher.jar") + "\" \"$@\"\n");
        shim.toFile().setExecutable(true);
        StringBuilder lastOutput = new StringBuilder();
        int commands = 0;
        for (Block block : blocks(Files.readAllLines(TUTORIAL))) {
            if (block.info().equals("sh")) {
                lastOutput.setLength(0);
                for (String line : block.body().split("\n")) {
                    if (line.isBlank() || line.strip().startsWith("#")) {
                        continue;
                    }
                    Matcher exit = EXIT.matcher(line);
                    int expected = 0;
                    if (exit.find()) {
                        expected = Integer.parseInt(exit.group(1));
                        line = line.substring(0, exit.start());
                    }
                    String output = run(work, line);
                    commands++;
                    lastOutput.append(output);
                    int code = Integer.parseInt(output.substring(output.lastIndexOf("exit=") + 5).strip());
                    assertEquals(expected, code, "tutorial line " + block.line() + ": " + line + "\n" + output);
                }
            } else if (block.info().contains("file=")) {
                String path = block.info().substring(block.info().indexOf("file=") + 5).strip();
                Path target = work.resolve(path);
                Files.createDirectories(target.getParent());
                Files.writeString(target, block.body());
            } else if (block.info().equals("text expect")) {
                for (String expected : block.body().split("\n")) {
                    if (!expected.isBlank()) {
                        assertTrue(lastOutput.toString().contains(expected.strip()), "tutorial line " + block.line()
                                + ": expected \"" + expected.strip() + "\" in\n" + lastOutput);
                    }
                }
            }
        }
        assertTrue(commands >= 10, "ran only " + commands + " commands");
        assertTrue(Files.exists(work.resolve("my-packs/japan-report.md")));
    }

    static List<Block> blocks(List<String> lines) {
        List<Block> out = new ArrayList<>();
        String info = null;
        StringBuilder body = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (fence.matches()) {
                if (info == null) {
                    info = fence.group(1).strip();
                    body.setLength(0);
                    start = i + 1;
                } else {
                    out.add(new Block(info, body.toString(), start));
                    info = null;
                }
            } else if (info != null) {
                body.append(lines.get(i)).append('\n');
            }
        }
        return out;
    }

    static String run(Path work, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command + "; echo \"exit=$?\"").directory(work.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return output;
    }
}
