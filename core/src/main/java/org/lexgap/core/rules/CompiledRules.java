package org.lexgap.core.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.kie.api.definition.KiePackage;

/**
 * One pack's rules, compiled. Packages from several packs are combined into a KieBase per evaluation, so a
 * jurisdiction pack is compiled once however many model-law editions it is assessed against.
 *
 * @param packages  the compiled Drools packages
 * @param ruleFiles rule name to {@code file:line}, for messages
 * @param ruleJoins rule name to the most fact combinations its patterns could build for the facts at hand
 */
public record CompiledRules(String packageName, Collection<KiePackage> packages, Map<String, String> ruleFiles,
                            Map<String, Long> ruleJoins) {
    public static final CompiledRules NONE = new CompiledRules("", List.of(), Map.of(), Map.of());

    public CompiledRules(String packageName, Collection<KiePackage> packages, Map<String, String> ruleFiles) {
        this(packageName, packages, ruleFiles, Map.of());
    }
}
