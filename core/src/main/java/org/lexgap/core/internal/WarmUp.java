package org.lexgap.core.internal;

import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.runtime.KieSession;

import org.lexgap.core.pack.SchemaCheck;

/**
 * Readies, on a second thread while the first reads and checks the packs, what every command needs later: the JSON
 * Schemas of pack files and the Drools runtime (a rule base and a session). A cold start spends most of its time
 * loading and initialising classes, and a machine with two cores can do that for the later steps while the first
 * does the earlier ones; a class being initialised by this thread is waited for, never done twice, so the main
 * thread only ever gains. Nothing here is kept or served: this changes no result, and any failure is ignored (the
 * main thread then does the same work itself and reports what went wrong).
 */
final class WarmUp implements Runnable {
    /** The warm-up thread, or null with {@code LEXGAP_WARMUP=0} (for measuring what it saves). */
    static Thread start() {
        if ("0".equals(System.getenv("LEXGAP_WARMUP"))) {
            return null;
        }
        Thread thread = new Thread(new WarmUp(), "lexgap-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            SchemaCheck.prepare(SchemaCheck.Kind.PACK, SchemaCheck.Kind.JURISDICTION, SchemaCheck.Kind.EDITION,
                    SchemaCheck.Kind.TESTS);
            if (Thread.interrupted()) {
                return;
            }
            ClassLoader loader = WarmUp.class.getClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                    RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
            KieSession session = base.newKieSession();
            try {
                session.insert(new org.lexgap.api.model.Jurisdiction("ZZ", "warm-up", java.util.List.of()));
                session.fireAllRules();
            } finally {
                session.dispose();
            }
            Timeline.mark("warm-up done");
        } catch (RuntimeException | LinkageError e) {
            // only time was at stake
        }
    }
}
