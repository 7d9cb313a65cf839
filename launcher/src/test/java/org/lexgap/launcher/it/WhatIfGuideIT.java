package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/what-if.md as written, with the conventions of {@link TutorialIT}: {@code sh} blocks are commands (a
 * trailing {@code # exit N} gives the expected exit code), {@code file=PATH} blocks are written, and
 * {@code text expect} blocks list lines the preceding commands must print.
 */
class WhatIfGuideIT {
    static final Path GUIDE = TestPacks.REPO.resolve("docs/what-if.md");

    @Test
    void theWhatIfGuideWorksAsWritten(@TempDir Path work) throws Exception {
        Path shim = work.resolve("lexgap");
        Files.writeString(shim, "#!/usr/bin/env bash\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -jar \"" + Path.of(System.getProperty("lexgap.home"), "lib", "lexgap-launcher.jar") + "\" \"$@\"\n");
        shim.toFile().setExecutable(true);
        StringBuilder lastOutput = new StringBuilder();
        int commands = 0;
        int expectations = 0;
        for (TutorialIT.Block block : TutorialIT.blocks(Files.readAllLines(GUIDE))) {
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
                    String output = TutorialIT.run(work, line);
                    commands++;
                    lastOutput.append(output);
                    int code = Integer.parseInt(output.substring(output.lastIndexOf("exit=") + 5).strip());
                    assertEquals(expected, code, "what-if.md line " + block.line() + ": " + line + "\n" + output);
                }
            } else if (block.info().contains("file=")) {
                Path target = work.resolve(block.info().substring(block.info().indexOf("file=") + 5).strip());
                Files.createDirectories(target.getParent());
                Files.writeString(target, block.body());
            } else if (block.info().equals("text expect")) {
                for (String expected : block.body().split("\n")) {
                    if (!expected.isBlank()) {
                        expectations++;
                        assertTrue(lastOutput.toString().contains(expected.strip()), "what-if.md line " + block.line()
                                + ": expected \"" + expected.strip() + "\" in\n" + lastOutput);
                    }
                }
            }
        }
        assertTrue(commands >= 15, "ran only " + commands + " commands");
        assertTrue(expectations >= 20, "checked only " + expectations + " lines");
        assertTrue(Files.size(work.resolve("what-if/malaysia-what-if.pdf")) > 5000);
    }
}
