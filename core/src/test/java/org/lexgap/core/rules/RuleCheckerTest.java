package org.lexgap.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.lexgap.api.model.PackProblem;
import org.lexgap.core.pack.Problems;

class RuleCheckerTest {
    static final Set<String> CRITERIA = Set.of("specific_legislation", "definition", "computer_facilitated",
            "simple_possession", "isp_reporting", "data_retention");
    static final RuleContext CONTEXT = new RuleContext(CRITERIA,
            List.of(new RuleContext.FactCounts("ZZ", 6, 40, 60, 4)), 1_000_000);
    static final RuleContext LARGE = new RuleContext(CRITERIA,
            List.of(new RuleContext.FactCounts("ZZ", 6, 200, 300, 3)), 1_000_000);

    /** The problems of compiling {@code drl} as rules/r.drl; empty when it was checked and compiled. */
    static List<PackProblem> check(String drl) {
        return check(drl, CONTEXT);
    }

    static List<PackProblem> check(String drl, RuleContext context) {
        Problems problems = new Problems("p");
        CompiledRules rules = DrlCompiler.compile("p", Map.of("rules/r.drl", drl), context, problems);
        assertEquals(rules == null, problems.hasErrors(), problems.list().toString());
        return problems.list();
    }

    static String rule(String then) {
        return "rule \"r\"\nwhen\n    $e : LegalElement( type == \"offence\" )\nthen\n    " + then + "\nend\n";
    }

    static PackProblem first(String drl) {
        List<PackProblem> problems = check(drl);
        assertFalse(problems.isEmpty(), "not refused:\n" + drl);
        return problems.get(0);
    }

    @Test
    void theShippedRulesAndTheScaffoldsExamplePass() throws IOException {
        for (String pack : List.of("model-law-8", "asean", "apac")) {
            try (var files = Files.list(Path.of("../rulepacks", pack, "src/main/pack/rules"))) {
                for (Path file : files.toList()) {
                    assertEquals(List.of(), check(Files.readString(file)), file.toString());
                }
            }
        }
        // launcher Scaffold.java's example rule, as `lexgap pack new` writes it.
        assertEquals(List.of(), check("""
                // Rules specific to Japan. The model-law rules already read every provision's legal elements;
                // add a rule here only for what the elements cannot say. This example only shows the form.
                rule "Example: possession on a computer shows a computer-facilitated offence"
                when
                    $e : LegalElement( type == "offence", conduct == "possess", medium == "computer" )
                then
                    insert( new Finding( $e.jurisdiction(), "computer_facilitated", Status.MET, $e.provision(),
                        "Possessing the material on a computer is an offence." ) );
                end
                """));
    }

    @Test
    void everyAllowedConstructCompiles() {
        assertEquals(List.of(), check("""
                import org.lexgap.api.model.*;

                rule "Attributes, bindings, in and not in"
                    salience 10
                    no-loop true
                    lock-on-active
                    enabled true
                    agenda-group "MAIN"
                    activation-group "possession"
                when
                    $j : Jurisdiction( $code : code, unassessed not contains "isp_reporting" )
                    $e : LegalElement( jurisdiction == $code, type == "offence", conduct in ( "possess", "access" ),
                                       intent not in ( "distribution" ), medium != "any" || subject == "csam" )
                    $p : Provision( id == $e.provision, elements contains $e, section.length() > 0,
                                    !summary.isBlank(), inForce != null && inForce.getYear() >= 2000 )
                    not Finding( jurisdiction == $code, criterion == "simple_possession", status == Status.MET )
                    exists( LegalElement( provision == $p.id, ageLimit != null && ageLimit >= 18 ) )
                    forall( LegalElement( provision == $p.id ) LegalElement( provision == $p.id, jurisdiction == $code ) )
                then
                    String reason = "Section " + $p.section().strip() + " makes possession an offence.";
                    Finding finding = new Finding( $e.jurisdiction(), "simple_possession", Status.MET, $p.id(), reason );
                    insert( finding );
                end

                rule "Or, accumulate, memberOf, and copying a finding"
                when
                    ( $e : LegalElement( type == "duty", bearer == "isp" ) or $e : LegalElement( type == "duty", bearer == "content-host" ) )
                    accumulate( LegalElement( type == "duty", $q : provision ) ; $n : count( $q ), $all : collectList( $q ) ; $n > 1 )
                    $c : Criterion( id == "isp_reporting", $e.provision memberOf $all )
                    $f : Finding( criterion == $c.id )
                then
                    int count = 2;
                    insert( new Finding( $f.jurisdiction(), $c.id(), $f.status(), $e.provision(),
                        "Found by " + count + " duties; " + $f.reason().substring( 0, 1 ) ) );
                end
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit( 0 );",
            "java.nio.file.Files.delete( null );",
            "java\n        .nio.file.Files.delete( null );",
            "Runtime.getRuntime().exec( \"rm\" );",
            "Object c = $e.getClass();",
            "String s = $e.getClass().getName();",
            "String s = \"x\".repeat( 9 );",
            "String s = \"x\".replaceAll( \"(a+)+\", \"\" );",
            "String s = $e.type().matches( \"x\" ) + \"\";",
            "while ( true ) { }",
            "for ( int i = 0; ; i++ ) { }",
            "if ( true ) { insert( null ); }",
            "Thread.sleep( 1000 );",
            "new File( \"/etc/passwd\" );",
            "String s = new String( \"x\" );",
            "Runnable r = () -> { };",
            "String s = String.valueOf( 1 );",
            "drools.halt();",
            "kcontext.getKieRuntime();",
            "delete( $e );",
            "retract( $e );",
            "update( $e );",
            "modify( $e ) { };",
            "insert( $e );",
            "insert( new LegalElement( \"ZZ\", \"x\", \"offence\", null, null, null, null, null, null, null ) );",
            "insert( new Finding( \"PH\", \"definition\", Status.NOT_MET, null, \"x\" ) );",
            "insert( new Finding( $e.jurisdiction(), \"definition\", Status.MET, null, \"x\" ) );",
            "insert( new Finding( $e.jurisdiction(), \"definition\", Status.MET, \"ZZ-s1\", \"x\" ) );",
            "insert( new Finding( $e.jurisdiction(), \"definition\", Status.UNKNOWN, null, \"x\" ) );",
            "insert( new Finding( $e.jurisdiction(), $e.type(), Status.NOT_MET, null, \"x\" ) );",
            "insert( new Finding( $e.jurisdiction(), \"definition\", Status.NOT_MET, $e.type(), \"x\" ) );",
            "String s = \"\"\"\n    text\n    \"\"\";",
            "String s = $e.type;",
            "String drools = \"x\";",
            "var s = \"x\";",
            "java.util.List<String> s = null;",
            "String s = (String) $e.type();",
            "boolean b = $e instanceof Object;",
            "String s = $e.type() + Finding.class;",
            "String s = true ? \"a\" : \"b\";",
            "char c = 'x';",
            "String s; s = \"x\";",
    })
    void programsAreRefusedAtTheirLine(String then) {
        PackProblem problem = first(rule(then));
        assertEquals("rules/r.drl", problem.file());
        assertEquals(5, problem.line(), problem.format());
        assertTrue(problem.column() >= 5, problem.format());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$e : LegalElement( type == \"offence\", new java.io.File( \"x\" ).exists() )",
            "$e : LegalElement( type == \"offence\", Finding.class != null )",
            "$e : LegalElement( type == \"offence\", type.getClass() != null )",
            "$e : LegalElement( type matches \".*\" )",
            "$e : LegalElement( type soundslike \"offense\" )",
            "$e : LegalElement( type#String == \"offence\" )",
            "$e : LegalElement( type == \"off\\\\ence\" )",
            "$e : LegalElement( this != null )",
            "$e : LegalElement( $t := type )",
            "$e : LegalElement( type == \"offence\" ; )",
            "$e : LegalElement( \"x\".repeat( 9 ) != null )",
            "$e : LegalElement( type.length() > java.lang.Integer.MAX_VALUE )",
            "$e : LegalElement( elements[0] != null )",
            "$e : LegalElement( type == \"offence\" ) from entry-point \"x\"",
            "$e : LegalElement( ) from java.util.List.of()",
            "$e : Object( )",
            "$e : java.lang.Runtime( )",
            "$e : org.lexgap.api.model.LegalElement( )",
            "eval( true )",
            "$n : Number( ) from accumulate( LegalElement( ), count( 1 ) )",
            "accumulate( LegalElement( ) ; $n : evil( 1 ) )",
            "$e : LegalElement( type == \"offence\" ) over window:length( 2 )",
            "e : LegalElement( )",
    })
    void conditionsThatAreNotFactsAreRefusedAtTheirLine(String condition) {
        PackProblem problem = first("rule \"r\"\nwhen\n    " + condition + "\nthen\nend\n");
        assertEquals(3, problem.line(), problem.format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.io.File;", "import org.lexgap.core.engine.Engine;", "package evil;",
            "function void f() { }", "global java.util.List out;", "declare Foo end", "query \"q\" end",
            "import function java.lang.System.exit;", "import accumulate org.x.Evil evil;", "dialect \"mvel\"",
            "rule \"mvel\" dialect \"mvel\" when then end", "rule \"t\" timer ( int: 1s ) when then end",
            "rule \"d\" date-effective \"1-Jan-2020\" when then end", "rule \"s\" salience ( 1 + 2 ) when then end",
            "rule \"a\" @Propagation( IMMEDIATE ) when then end", "rule \"x\" extends \"r\" when then end",
            "rule \"u\" when then end\n\nunit Evil;"})
    void declarationsThatReachOutAreRefused(String line) {
        PackProblem problem = first(line + "\n" + rule(""));
        assertTrue(problem.line() == 1 || line.contains("unit") && problem.line() > 0, problem.format());
    }

    @Test
    void commentsAndStringsAreNotCode() {
        assertEquals(List.of(), check("// System.exit is not called here\n/* nor java.lang.Runtime */\n" + rule(
                "// a comment: java.lang.System.exit( 0 );\n    insert( new Finding( $e.jurisdiction(), \"definition\","
                        + " Status.NOT_MET, null, \"System.exit(0) in a string, and a \\\"quote\\\"\" ) ); /* end */")));
    }

    @Test
    void misspeltElementValuesAndCriterionIdsAreCaught() {
        List<PackProblem> problems = check("rule \"r\"\nwhen\n    $e : LegalElement( conduct == \"posess\" )\nthen\n"
                + "    insert( new Finding( $e.jurisdiction(), \"simple_posession\", Status.MET, $e.provision(), \"x\" ) );\nend\n");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).line());
        assertEquals(35, problems.get(0).column());
        assertTrue(problems.get(0).message().contains("\"posess\" is not a declared value of conduct"));
        assertEquals(5, problems.get(1).line());
        assertTrue(problems.get(1).message().contains("unknown criterion id \"simple_posession\""));
        List<PackProblem> more = check("rule \"r\"\nwhen\n    $e : LegalElement( medium in ( \"any\", \"computr\" ) )\n"
                + "    Finding( criterion == \"definitoin\" )\n    $c : Criterion( $e.bearer == \"isp\", id != \"nope\" )\nthen\nend\n");
        assertEquals(List.of(3, 4, 5), more.stream().map(PackProblem::line).toList(), more.toString());
    }

    @Test
    void aRuleWhoseJoinsCouldExplodeIsRefusedAtItsLine() {
        String three = "\n\nrule \"triples\"\nwhen\n    $a : Provision( )\n    $b : Provision( )\n    $c : Provision( )\nthen\nend\n";
        PackProblem problem = check(three, LARGE).get(0);
        assertEquals(3, problem.line(), problem.format());
        assertTrue(problem.message().contains("rule \"triples\" could combine up to 8,000,000 sets of facts for ZZ"),
                problem.message());
        // Two patterns over the same facts are fine: 200 x 200; a key compared with a bound value matches one fact.
        assertEquals(List.of(), check("rule \"pairs\"\nwhen\n    $a : Provision( )\n    $b : Provision( id != $a.id )\nthen\nend\n", LARGE));
        assertEquals(List.of(), check("rule \"keyed\"\nwhen\n    $e : LegalElement( )\n    $p : Provision( id == $e.provision )\n"
                + "    $f : LegalElement( provision == $p.id )\n    not Finding( criterion == \"definition\", provision == $p.id )\nthen\nend\n", LARGE));
        // Negated patterns count too: every left combination is tested against them.
        assertFalse(check("rule \"n\"\nwhen\n    $a : LegalElement( )\n    $b : LegalElement( )\n    not Provision( )\nthen\nend\n", LARGE).isEmpty());
    }

    @Test
    void positionsAreTheEditorsWithWindowsLineEndsAndAByteOrderMark() {
        String drl = rule("java\n        .lang.Thread.sleep( 1 );");
        PackProblem plain = first(drl);
        PackProblem crlf = first(drl.replace("\n", "\r\n"));
        PackProblem bom = first("\uFEFF" + drl);
        assertEquals(List.of(5, 5), List.of(plain.line(), plain.column()));
        assertEquals(plain.format(), crlf.format());
        assertEquals(plain.format(), bom.format());
        PackProblem firstLine = first("\uFEFFrule \"r\" salience x when then end\n");
        assertEquals(List.of(1, 19), List.of(firstLine.line(), firstLine.column()), firstLine.format());
    }

    @Test
    void charactersThatReadDifferentlyAreRefused() {
        for (String trick : List.of("\\u0053ystem", "// x\r", "\u200b", "\u202e", "\u2028", "\u0007", "\uFEFF")) {
            PackProblem problem = first(rule("insert( new Finding( $e.jurisdiction(), \"definition\", Status.NOT_MET,"
                    + " null, \"x\" ) ); // " + trick + " x"));
            assertEquals(5, problem.line(), trick + ": " + problem.format());
        }
        PackProblem named = first(rule("String s = \"\u202e\";"));
        assertTrue(named.message().startsWith("invisible formatting character U+202E (right-to-left override) is not"
                + " allowed in rules"), named.message());
    }

    @Test
    void anEscapedBackslashBeforeAUIsText() {
        assertEquals(List.of(), check(rule("insert( new Finding( $e.jurisdiction(), \"definition\", Status.NOT_MET, null,"
                + " \"C:\\\\users\" ) );")));
        assertEquals(5, first(rule("String s = \"\\\\\\u0041\";")).line());
    }

    @Test
    void textDroolsWouldFoldIntoTheConsequenceIsRefused() {
        PackProblem problem = first("rule \"r\"\nwhen\nthen\n    String end;\nend\n= \"\"; java\n    .lang.Thread.sleep( 1 );\nend\n");
        assertEquals(5, problem.line(), problem.format());
        assertTrue(problem.message().contains("\"end\" here looks like the end of the rule"), problem.message());
    }

    @Test
    void aFindingMayCiteNothingOnlyWhenItIsNotMetNorUnknown() {
        assertEquals(List.of(), check(rule("insert( new Finding( $e.jurisdiction(), \"definition\", Status.NOT_MET, null, \"x\" ) );")));
        assertEquals(List.of(), check("rule \"r\"\nwhen\n    $f : Finding( )\nthen\n"
                + "    insert( new Finding( $f.jurisdiction(), $f.criterion(), $f.status(), null, \"again\" ) );\nend\n"));
        PackProblem met = first(rule("insert( new Finding( $e.jurisdiction(), \"definition\", Status.MET, null, \"x\" ) );"));
        assertTrue(met.message().startsWith("a MET finding must cite the provision it rests on"), met.message());
        PackProblem open = first(rule("insert( new Finding( $e.jurisdiction(), \"definition\", Status.UNKNOWN, null, \"x\" ) );"));
        assertTrue(open.message().startsWith("an UNKNOWN finding must cite the provision it rests on"), open.message());
        assertEquals(List.of(), check(rule("insert( new Finding( $e.jurisdiction(), \"definition\", Status.UNKNOWN,"
                + " $e.provision(), \"its medium is not recorded\" ) );")));
    }

    @Test
    void theDocumentationShowsTheSameTable() throws IOException {
        String docs = Files.readString(Path.of("../docs/pack-format.md"));
        String table = RuleLanguage.markdown();
        assertTrue(docs.contains(table), "docs/pack-format.md must contain, in its rules section:\n" + table);
        assertNotNull(RuleLanguage.call(String.class, "length", 0).orElse(null));
        assertNull(RuleLanguage.call(String.class, "repeat", 1).orElse(null));
    }
}
