package org.lexgap.core.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.AndDescr;
import org.kie.api.definition.KiePackage;

/**
 * One pack's rules, compiled. Packages from several packs are combined into a KieBase per evaluation, so a
 * jurisdiction pack is compiled once however many model-law editions it is assessed against.
 *
 * @param packages   the compiled Drools packages
 * @param ruleFiles  rule name to {@code file:line}, for messages
 * @param conditions rule name to its checked conditions, for {@link #joins}
 */
public record CompiledRules(String packageName, Collection<KiePackage> packages, Map<String, String> ruleFiles,
                            Map<String, AndDescr> conditions) {
    public static final CompiledRules NONE = new CompiledRules("", List.of(), Map.of(), Map.of());

    public CompiledRules(String packageName, Collection<KiePackage> packages, Map<String, String> ruleFiles) {
        this(packageName, packages, ruleFiles, Map.of());
    }

    /** The most fact combinations the rule's patterns could build for {@code counts}; 1 for an unknown rule. */
    public long joins(String rule, RuleContext.FactCounts counts) {
        AndDescr lhs = conditions.get(rule);
        return lhs == null ? 1 : RuleChecker.joins(lhs, counts);
    }
}
