package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the "Signing and trust" section of docs/pack-format.md as written, as TutorialIT runs the tutorial: its
 * {@code sh} blocks are commands (a trailing {@code # exit N} gives the expected exit code) and its {@code text
 * expect} blocks list lines they must print. The user's folder (~/.lexgap) is a temporary one.
 */
class TrustDocsIT {
    static final Path DOC = TestPacks.REPO.resolve("docs/pack-format.md");

    @Test
    void theSigningStepsWorkAsWritten(@TempDir Path work) throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        int from = lines.indexOf("## Signing and trust");
        assertTrue(from >= 0, "docs/pack-format.md has a \"Signing and trust\" section");
        int to = from + 1;
        while (to < lines.size() && !lines.get(to).startsWith("## ")) {
            to++;
        }
        Path shim = work.resolve("lexgap");
        Files.writeString(shim, "#!/usr/bin/env bash\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -jar \"" + Path.of(System.getProperty("lexgap.home"), "lib", "lexgap-launcher.jar") + "\" \"$@\"\n");
        shim.toFile().setExecutable(true);
        Path user = work.resolve("user-home/.lexgap");
        StringBuilder lastOutput = new StringBuilder();
        int commands = 0;
        for (TutorialIT.Block block : TutorialIT.blocks(lines.subList(from, to))) {
            if (block.info().equals("sh")) {
                lastOutput.setLength(0);
                for (String line : block.body().split("\n")) {
                    if (line.isBlank() || line.strip().startsWith("#")) {
                        continue;
                    }
                    Matcher exit = TutorialIT.EXIT.matcher(line);
                    int expected = 0;
                    if (exit.find()) {
                        expected = Integer.parseInt(exit.group(1));
                        line = line.substring(0, exit.start());
                    }
                    String output = run(work, user, line);
                    commands++;
                    lastOutput.append(output);
                    int code = Integer.parseInt(output.substring(output.lastIndexOf("exit=") + 5).strip());
                    assertEquals(expected, code, "pack-format.md, signing step: " + line + "\n" + output);
                }
            } else if (block.info().equals("text expect")) {
                for (String expected : block.body().split("\n")) {
                    if (!expected.isBlank()) {
                        assertTrue(lastOutput.toString().contains(expected.strip()), "pack-format.md line "
                                + (from + block.line()) + ": expected \"" + expected.strip() + "\" in\n" + lastOutput);
                    }
                }
            }
        }
        assertTrue(commands >= 10, "ran only " + commands + " commands");
        assertTrue(Files.exists(user.resolve("trust/my-office.pem")), "trust add wrote to the user's trust folder");
        assertTrue(Files.exists(work.resolve("my-packs/japan/signature.jws")));
    }

    static String run(Path work, Path user, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command + "; echo \"exit=$?\"").directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("LEXGAP_USER_DIR", user.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return output;
    }
}
