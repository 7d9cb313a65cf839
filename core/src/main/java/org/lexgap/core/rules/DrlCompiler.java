package org.lexgap.core.rules;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import org.lexgap.core.pack.Problems;

/**
 * Compiles a pack's DRL files, after {@link DrlPolicy} has cleared them, into one Drools package named after the
 * pack. Errors come back located by file and line.
 */
public final class DrlCompiler {
    private static final Pattern LINE_COLUMN = Pattern.compile("[Ll]ine (\\d+):(\\d+)");

    private DrlCompiler() {
    }

    /** The Drools package a pack's rules live in; rule names need only be unique within a pack. */
    public static String packageName(String packId) {
        return "lexgap.pack." + packId.replace('-', '_');
    }

    /**
     * Checks and compiles {@code sources} (path to DRL text). Returns {@code null} when any file was refused or
     * failed to compile; the problems say why.
     */
    public static CompiledRules compile(String packId, Map<String, String> sources, Set<String> criteria,
                                        Problems problems) {
        boolean allowed = true;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            allowed &= DrlPolicy.check(source.getKey(), source.getValue(), criteria, problems);
        }
        if (!allowed) {
            return null;
        }
        if (sources.isEmpty()) {
            return CompiledRules.NONE;
        }
        String packageName = packageName(packId);
        // The header goes on line 1 so that Drools' line numbers stay those of the analyst's file.
        String header = "package " + packageName + "; import " + DrlPolicy.API_PACKAGE + ".*; ";
        ClassLoader loader = DrlCompiler.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            KnowledgeBuilderConfiguration configuration =
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader);
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
            Map<String, String> ruleFiles = new TreeMap<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                String text = header + source.getValue();
                builder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(source.getKey()), ResourceType.DRL);
                index(source.getKey(), text, ruleFiles);
            }
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    report(error, header.length(), problems);
                }
                return null;
            }
            return new CompiledRules(packageName, builder.getKnowledgePackages().stream()
                    .map(p -> (org.kie.api.definition.KiePackage) p).toList(), ruleFiles);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void report(KnowledgeBuilderError error, int headerLength, Problems problems) {
        String file = error.getResource() == null ? "rules" : error.getResource().getSourcePath();
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int column = 0;
        String message = error.getMessage().strip();
        Matcher at = LINE_COLUMN.matcher(message);
        if (at.find()) {
            line = line > 0 ? line : Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2)) + 1;
            if (line == 1) {
                column = Math.max(1, column - headerLength);
            }
        }
        if (message.equals("Parser returned a null Package")) {
            return; // always follows a located parser error
        }
        problems.error(file, Math.max(line, 0), column, "DRL: " + message.replace('\n', ' '));
    }

    /** Records where each rule is declared, for messages about a rule at run time (a loop, say). */
    private static void index(String file, String text, Map<String, String> ruleFiles) {
        try {
            PackageDescr descr = new DrlParser().parse(false, text);
            if (descr != null) {
                for (RuleDescr rule : descr.getRules()) {
                    ruleFiles.put(rule.getName(), file + ":" + rule.getLine());
                }
            }
        } catch (DroolsParserException | RuntimeException e) {
            // the builder reports the same syntax errors, located
        }
    }
}
