package org.lexgap.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * One reference as a whole program, for {@link ProcessBench}: {@code drools CODE} reads the two packs, compiles their
 * DRL with plain Drools and assesses the jurisdiction; {@code hand CODE} does the same with the hand-written
 * evaluator. Prints one line per verdict; exits 2 on bad arguments.
 */
public final class ReferenceMain {
    private ReferenceMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("drools", "hand").contains(args[0])) {
            System.err.println("usage: ReferenceMain drools|hand JURISDICTION");
            System.exit(2);
        }
        Law law = Law.read();
        var data = law.jurisdictions().get(args[1]);
        if (data == null) {
            System.err.println("no jurisdiction " + args[1] + " in the ASEAN pack");
            System.exit(3);
        }
        // The 8th edition's cut-off, as in Setups (not read from there: its initialiser touches the launcher).
        LocalDate asOf = LocalDate.of(2016, 1, 1);
        List<Verdict> verdicts = args[0].equals("drools")
                ? PlainDrools.compile(law).assess(law.edition(), data, asOf)
                : HandWritten.assess(law.edition(), data, asOf);
        verdicts.forEach(v -> System.out.println(v.criterion() + " " + v.status() + " " + v.evidence()));
    }
}
