package org.lexgap.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.PackProblem;
import org.lexgap.core.pack.Problems;

class DrlPolicyTest {
    static final Set<String> CRITERIA = Set.of("simple_possession", "definition");

    static List<PackProblem> check(String drl) {
        Problems problems = new Problems("p");
        DrlPolicy.check("rules/r.drl", drl, CRITERIA, problems);
        return problems.list();
    }

    static String rule(String then) {
        return "rule \"r\"\nwhen\n    $e : LegalElement( type == \"offence\" )\nthen\n    " + then + "\nend\n";
    }

    @Test
    void anOrdinaryRulePasses() {
        assertEquals(List.of(), check(rule("insert( new Finding( $e.jurisdiction(), \"simple_possession\", Status.MET, $e.provision(), \"ok\" ) );")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit( 0 );",
            "java.nio.file.Files.delete( null );",
            "Runtime.getRuntime().exec( \"rm\" );",
            "Object c = $e.getClass();",
            "String s = \"x\".getClass().getName();",
            "while ( true ) { }",
            "for ( int i = 0; ; i++ ) { }",
            "Thread.sleep( 1000 );",
            "new File( \"/etc/passwd\" );",
            "URL u = null;",
            "drools.halt();",
            "kcontext.getKieRuntime();",
            "\\u0053ystem.exit( 0 );",
    })
    void programsAreRefusedWithTheirLine(String then) {
        List<PackProblem> problems = check(rule(then));
        assertFalse(problems.isEmpty(), then);
        assertTrue(problems.stream().allMatch(p -> p.file().equals("rules/r.drl") && p.line() == 5 || p.message().contains("unicode")),
                problems.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.io.File;", "import org.lexgap.core.engine.Engine;", "package evil;",
            "function void f() { }", "global java.util.List out;", "declare Foo end"})
    void declarationsThatReachOutAreRefused(String line) {
        assertFalse(check(line + "\n" + rule("")).isEmpty(), line);
    }

    @Test
    void commentsAndStringsAreNotCode() {
        assertEquals(List.of(), check("// System.exit is not called here\n" + rule("insert( new Finding( $e.jurisdiction(), \"definition\", Status.MET, null, \"System.exit(0) in a string\" ) );")));
    }

    @Test
    void misspeltElementValuesAndCriterionIdsAreCaught() {
        List<PackProblem> problems = check("rule \"r\"\nwhen\n    $e : LegalElement( conduct == \"posess\" )\nthen\n    insert( new Finding( $e.jurisdiction(), \"simple_posession\", Status.MET, null, \"x\" ) );\nend\n");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("\"posess\" is not a declared value of conduct"));
        assertEquals(5, problems.get(1).line());
        assertTrue(problems.get(1).message().contains("unknown criterion id \"simple_posession\""));
    }
}
