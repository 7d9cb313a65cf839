package org.lexgap.core.rules;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * For tests of the run-time guards only: compiles DRL the checks would refuse, as if a hole in them had let it
 * through, so that the budgets and the evidence checks can be seen to hold on their own.
 */
public final class UncheckedRules {
    private UncheckedRules() {
    }

    public static CompiledRules compile(String packId, String drl) {
        String packageName = DrlCompiler.packageName(packId);
        String text = "package " + packageName + "; import " + RuleLanguage.API_PACKAGE + ".*; " + drl;
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                .setSourcePath("rules/r.drl"), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new AssertionError(builder.getErrors().toString());
        }
        Map<String, String> files = new TreeMap<>();
        Map<String, AndDescr> conditions = new TreeMap<>();
        try {
            PackageDescr descr = new DrlParser(RuleChecker.LANGUAGE).parse(false, text);
            for (RuleDescr rule : descr.getRules()) {
                files.put(rule.getName(), "rules/r.drl:" + rule.getLine());
                conditions.put(rule.getName(), rule.getLhs());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new CompiledRules(packageName, builder.getKnowledgePackages().stream()
                .map(p -> (org.kie.api.definition.KiePackage) p).toList(), files, conditions);
    }
}
