package org.lexgap.launcher;

import java.io.PrintWriter;

import org.lexgap.api.model.PackInfo;

/** One-line notices on stderr for problems the user did not ask about but should know. */
final class Warnings {
    private Warnings() {
    }

    static void failedPacks(Platform platform, PrintWriter err) {
        for (PackInfo pack : platform.failedPacks()) {
            long errors = pack.problems().stream().filter(p -> p.severity().name().equals("ERROR")).count();
            err.println("lexgap: warning: pack " + pack.id() + " was refused (" + errors
                    + " error(s)); run 'lexgap packs' for details");
        }
        err.flush();
    }
}
