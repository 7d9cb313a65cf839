package org.lexgap.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.runtime.KieSession;

import org.lexgap.core.pack.SchemaCheck;
import org.lexgap.core.report.RendererWarmUp;

/**
 * Readies, on a second thread while the first reads and checks the packs, what every command needs later: the JSON
 * Schemas of pack files and the Drools runtime (a rule base and a session). A cold start spends most of its time
 * loading and initialising classes, and a machine with two cores can do that for the later steps while the first
 * does the earlier ones; a class being initialised by this thread is waited for, never done twice, so the main
 * thread only ever gains. Nothing here is kept or served: this changes no result, and any failure is ignored (the
 * main thread then does the same work itself and reports what went wrong).
 *
 * <p>When the launcher says the command will write a PDF report ({@link Activator#RENDER_AHEAD}), a third thread
 * readies the PDF renderer from the start ({@link RendererWarmUp}): its first use is the largest single cost of such
 * a command and depends on no pack. (Readying the html renderer the same way was measured and gave nothing.)
 */
final class WarmUp implements Runnable {
    /**
     * Starts the warm-up threads; none with {@code LEXGAP_WARMUP=0} (for measuring what they save).
     *
     * @param format the report format the command will write, or null
     */
    static List<Thread> start(String format) {
        if ("0".equals(System.getenv("LEXGAP_WARMUP"))) {
            return List.of();
        }
        List<Thread> threads = new ArrayList<>();
        if (format != null && RendererWarmUp.FORMATS.contains(format)) {
            threads.add(daemon(() -> {
                try {
                    RendererWarmUp.prepare(format);
                    Timeline.mark("warm-up: " + format + " renderer ready");
                } catch (RuntimeException | LinkageError e) {
                    // only time was at stake
                }
            }, "lexgap-warm-up-renderer"));
        }
        threads.add(daemon(new WarmUp(), "lexgap-warm-up"));
        return List.copyOf(threads);
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.setContextClassLoader(WarmUp.class.getClassLoader());
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
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                    RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
            KieSession session = base.newKieSession();
            try {
                session.insert(new org.lexgap.api.model.Jurisdiction("ZZ", "warm-up", List.of()));
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
