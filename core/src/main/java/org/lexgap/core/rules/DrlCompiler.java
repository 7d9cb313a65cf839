package org.lexgap.core.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.builder.InternalKnowledgeBuilder;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import org.lexgap.core.pack.Problems;

/**
 * Turns a pack's rules files into one Drools package named after the pack: each file is read ({@link DrlSource}),
 * parsed by Drools' DRL parser, checked part by part ({@link RuleChecker}), and the checked descriptors themselves
 * (not the text) are compiled, so nothing reaches a compiler that the checks did not see. Every problem comes back
 * as {@code file:line:column}.
 */
public final class DrlCompiler {
    private static final Pattern LINE_COLUMN = Pattern.compile("[Ll]ine (\\d+):(\\d+)");
    /** Far beyond any real rules file (the model law's is 4 thousand characters). */
    static final int MAX_FILE_CHARS = 1_000_000;

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
    public static CompiledRules compile(String packId, Map<String, String> sources, RuleContext context,
                                        Problems problems) {
        if (sources.isEmpty()) {
            return CompiledRules.NONE;
        }
        // Drools finds its services (resources, the parser's helpers) through the context class loader.
        ClassLoader loader = DrlCompiler.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return compile(packageName(packId), sources, context, problems, loader);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static CompiledRules compile(String packageName, Map<String, String> sources, RuleContext context,
                                         Problems problems, ClassLoader loader) {
        List<PackageDescr> checked = new ArrayList<>();
        Map<String, String> ruleFiles = new TreeMap<>();
        Map<String, AndDescr> conditions = new TreeMap<>();
        boolean allowed = true;
        for (Map.Entry<String, String> file : sources.entrySet()) {
            PackageDescr descr = check(file.getKey(), file.getValue(), context, problems);
            if (descr == null) {
                allowed = false;
                continue;
            }
            descr.setName(packageName);
            checked.add(descr);
            for (RuleDescr rule : descr.getRules()) {
                ruleFiles.put(rule.getName(), file.getKey() + ":" + rule.getLine());
                conditions.put(rule.getName(), rule.getLhs());
            }
        }
        if (!allowed) {
            return null;
        }
        org.lexgap.core.internal.Timeline.mark("rules parsed and allow-listed");
        KnowledgeBuilderConfiguration configuration =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader);
        configuration.setOption(RuleChecker.LANGUAGE);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        for (PackageDescr descr : checked) {
            ((InternalKnowledgeBuilder) builder).addPackage(descr);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                report(error, problems);
            }
            return null;
        }
        return new CompiledRules(packageName, builder.getKnowledgePackages().stream()
                .map(p -> (org.kie.api.definition.KiePackage) p).toList(), ruleFiles, conditions);
    }

    /**
     * Reads, parses and checks one file. Returns a package holding only its checked rules and the api import, or
     * {@code null} (with the problems reported).
     */
    static PackageDescr check(String file, String text, RuleContext context, Problems problems) {
        if (text.length() > MAX_FILE_CHARS) {
            problems.error(file, 0, 0, "a rules file may hold at most " + MAX_FILE_CHARS / 1000 + " thousand"
                    + " characters; split it into several files");
            return null;
        }
        try {
            return read(file, text, context, problems);
        } catch (StackOverflowError e) {
            // The parsers recurse over nested parentheses; no rule about legal facts nests thousands deep.
            problems.error(file, 0, 0, "the rules nest too deeply to be read (parentheses inside parentheses)");
            return null;
        }
    }

    private static PackageDescr read(String file, String text, RuleContext context, Problems problems) {
        DrlSource source = DrlSource.read(file, text, problems);
        if (source == null) {
            return null;
        }
        Resource resource = ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
                .setSourcePath(file);
        DrlParser parser = new DrlParser(RuleChecker.LANGUAGE);
        PackageDescr parsed;
        try {
            parsed = parser.parse(resource, source.text());
        } catch (DroolsParserException | RuntimeException e) {
            problems.error(file, 0, 0, "DRL: the file could not be read: " + e.getMessage());
            return null;
        }
        if (parser.hasErrors() || parsed == null) {
            for (DroolsError error : parser.getErrors()) {
                report(error, problems);
            }
            if (!parser.hasErrors()) {
                problems.error(file, 0, 0, "DRL: the file could not be read");
            }
            return null;
        }
        List<RuleDescr> rules = RuleChecker.check(source, parsed, context, problems);
        if (rules == null) {
            return null;
        }
        // A fresh package: only what was checked, and only the imports the loader gives every pack.
        PackageDescr compiled = new PackageDescr();
        compiled.setResource(resource);
        compiled.addImport(new ImportDescr(RuleLanguage.API_PACKAGE + ".*"));
        compiled.addImport(new ImportDescr("java.time.LocalDate"));
        rules.forEach(compiled::addRule);
        return compiled;
    }

    private static void report(KnowledgeBuilderError error, Problems problems) {
        String file = error.getResource() == null || error.getResource().getSourcePath() == null ? "rules"
                : error.getResource().getSourcePath();
        String message = error.getMessage().strip();
        if (message.equals("Parser returned a null Package")) {
            return; // always follows a located parser error
        }
        int line = 0;
        int column = 0;
        if (error instanceof ParserError parserError) {
            line = parserError.getRow();
            column = parserError.getCol() + 1;
        } else {
            int[] lines = error.getLines();
            line = lines != null && lines.length > 0 ? lines[0] : 0;
            Matcher at = LINE_COLUMN.matcher(message);
            if (at.find()) {
                line = line > 0 ? line : Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2)) + 1;
            }
        }
        problems.error(file, Math.max(line, 0), Math.max(column, 0), "DRL: " + message.replace('\n', ' '));
    }
}
