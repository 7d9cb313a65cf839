package org.lexgap.core.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.drl.ast.descr.AndDescr;
import org.kie.api.definition.KiePackage;

/**
 * Writes compiled rules to bytes and reads them back, so that a pack whose exact rules were checked and compiled
 * before need not be parsed, checked and compiled again (Drools' own serialised form of its packages, with the
 * consequences' compiled classes). Only bytes this process's cache wrote and signed are ever read (the cache checks
 * an HMAC first); as a second fence, reading admits only classes of the JDK, Drools, MVEL and Lexgap.
 */
public final class CompiledRulesCodec {
    /** Changes whenever the written form changes, so that old entries are never read as new ones. */
    public static final String FORMAT = "compiled-rules-v1";
    private static final List<String> ALLOWED_PREFIXES = List.of("java.", "org.drools.", "org.kie.", "org.mvel2.",
            "org.lexgap.", "lexgap.pack.");
    private static final int MAX_DEPTH = 200;

    private CompiledRulesCodec() {
    }

    /** The bytes of {@code rules}. */
    public static byte[] write(CompiledRules rules) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ClassLoader loader = CompiledRulesCodec.class.getClassLoader();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(rules.packageName());
            out.writeObject(new ArrayList<>(rules.packages()));
            out.writeObject(new TreeMap<>(rules.ruleFiles()));
            out.writeObject(new TreeMap<>(rules.conditions()));
        }
        return bytes.toByteArray();
    }

    /**
     * The rules written in {@code bytes}.
     *
     * @throws IOException when the bytes are not rules this build wrote
     */
    @SuppressWarnings("unchecked")
    public static CompiledRules read(byte[] bytes) throws IOException {
        ClassLoader loader = CompiledRulesCodec.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(CompiledRulesCodec::admit);
            if (!FORMAT.equals(in.readUTF())) {
                throw new IOException("not " + FORMAT);
            }
            String packageName = in.readUTF();
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            Map<String, String> ruleFiles = (Map<String, String>) in.readObject();
            Map<String, AndDescr> conditions = (Map<String, AndDescr>) in.readObject();
            return new CompiledRules(packageName, List.copyOf(packages), Map.copyOf(ruleFiles), Map.copyOf(conditions));
        } catch (ClassNotFoundException | ClassCastException | IllegalStateException e) {
            throw new IOException("unreadable compiled rules: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        String name = type.getName();
        for (String prefix : ALLOWED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return ObjectInputFilter.Status.ALLOWED;
            }
        }
        return ObjectInputFilter.Status.REJECTED;
    }
}
