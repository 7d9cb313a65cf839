package org.lexgap.launcher;

import java.io.PrintWriter;

import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;

/** One-line notices on stderr for problems the user did not ask about but should know. */
final class Warnings {
    private Warnings() {
    }

    /** Each refused pack with its first reason, and each serving pack no trusted key signed. */
    static void failedPacks(Platform platform, PrintWriter err) {
        for (PackInfo pack : platform.failedPacks()) {
            String reason = pack.problems().stream().filter(p -> p.severity() == PackProblem.Severity.ERROR)
                    .map(PackProblem::format).findFirst().orElse("no reason recorded");
            long errors = pack.problems().stream().filter(p -> p.severity() == PackProblem.Severity.ERROR).count();
            err.println("lexgap: warning: pack " + pack.id() + " was refused: " + reason
                    + (errors > 1 ? " (and " + (errors - 1) + " more; run 'lexgap packs')" : ""));
        }
        for (PackInfo pack : platform.unsignedPacks()) {
            err.println("lexgap: warning: pack " + pack.id() + " " + pack.version() + " is UNSIGNED; reports that use"
                    + " it say so (--require-signed refuses it)");
        }
        err.flush();
    }
}
