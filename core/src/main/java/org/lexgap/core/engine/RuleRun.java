package org.lexgap.core.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Finding;
import org.lexgap.api.model.LegalElement;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Status;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.rules.RuleBudget;

/**
 * One rule session for one jurisdiction: the law in force on the date goes in, the rules fire, and the findings
 * come out with the rule that inserted each.
 *
 * <p>The session runs on a daemon worker thread under a {@link RuleBudget}: at most {@code fireLimit} firings and
 * {@code time} of wall-clock time. When the time is up the caller stops waiting, halts the session and abandons
 * the worker, so a runaway pack can neither hold up the platform nor keep the JVM alive. One allowance: a session
 * that is still running but has had less than its budget of processor time (a busy machine kept it waiting, as on a
 * shared CI runner) may go on up to five times its budget, so that a loaded machine does not refuse good packs; a
 * session that sleeps, waits or blocks gets none. Each insertion is checked
 * as it happens: a rule may insert only findings, only about the jurisdiction assessed, a MET finding must cite a
 * provision in force, and no rule may change or remove a fact. A breach is a {@link RuleBreach} naming the rule.
 */
public final class RuleRun {
    /** A finding, the rule ({@code pack: name}) that inserted it, and the firing (1-based) during which it did. */
    public record RuledFinding(Finding finding, String rule, int firing) {
    }

    /**
     * One rule firing, for traces: the facts it matched, described only when a trace is read ({@link #facts()}),
     * since an assessment keeps every firing but only {@code explain} shows them.
     */
    public record Firing(int order, String rule, List<Object> matched) {
        public Firing {
            matched = Collections.unmodifiableList(new ArrayList<>(matched)); // a pattern under "not" may leave a null
        }

        /** The matched facts as a reader sees them ("element X of Y", "provision P"). */
        public List<String> facts() {
            return matched.stream().map(RuleRun::describe).toList();
        }
    }

    /** What the session produced. */
    public record Outcome(List<Provision> inForce, List<RuledFinding> findings, List<Firing> firings) {
    }

    /** How long an abandoned session is given to notice it was halted before the caller moves on. */
    private static final long GRACE_MS = 50;
    /** How many times its budget a session may take while the machine keeps it from the processor. */
    static final long STARVED_LIMIT = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Processor time the sessions started from the calling thread have used, so a caller can budget a series. */
    private static long threadCpu() {
        return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
    }

    private static final ThreadLocal<long[]> CALLER_CPU = ThreadLocal.withInitial(() -> new long[1]);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Daemon threads, reused while sessions come quickly; an abandoned one is simply not returned to the pool. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "lexgap-rules-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(RuleRun.class.getClassLoader());
        return thread;
    });

    private RuleRun() {
    }

    /**
     * Runs the session.
     *
     * @param rulePacks Drools package name to pack id
     * @param ruleFiles {@code pack: rule} to the rule's {@code file:line}
     * @param ruleJoins {@code pack: rule} to the rule's join bound for these facts, asked for only to name the
     *                  likely rule when matching overruns
     */
    static Outcome run(InternalKnowledgeBase base, Map<String, String> rulePacks, Map<String, String> ruleFiles,
                       Supplier<Map<String, Long>> ruleJoins, ModelLawEdition edition, JurisdictionData data,
                       LocalDate asOf, RuleBudget budget) {
        Session session = new Session(base, rulePacks, ruleFiles, edition, data, asOf, budget);
        boolean alone = IN_FLIGHT.incrementAndGet() == 1;
        try {
            Future<Outcome> task = WORKERS.submit(session::work);
            long spun = alone && SPIN ? spinBriefly(task) : 0;
            return await(session, task, ruleJoins, budget, spun);
        } finally {
            IN_FLIGHT.decrementAndGet();
            CALLER_CPU.get()[0] += session.cpuUsed();
        }
    }

    /** Sessions submitted and not yet returned to their callers, from every thread. */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    /** How long a caller spins for its session before it parks ({@code -Dlexgap.rules.spinMicros}, 0 for never). */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(Long.getLong("lexgap.rules.spinMicros", 100));
    /** Spinning needs a processor to spare for it while the worker runs. */
    private static final boolean SPIN = SPIN_NANOS > 0 && Runtime.getRuntime().availableProcessors() > 1;

    /**
     * Waits for {@code task} by spinning, for at most {@link #SPIN_NANOS}, before the caller parks; returns the
     * nanoseconds spent. A session over one jurisdiction usually ends in tens of microseconds, less than it takes to
     * wake a parked thread again (JMH, alternating: lexgapPH 97-105 to 66-68 us, lexgapASEAN 755-793 to 474-572 us). Only a session
     * that is the only one in flight spins (one user's command, a trainer's single request), so a loaded server, whose
     * processors are busy with other sessions, never spends them on spinning (its throughput was unchanged).
     */
    private static long spinBriefly(Future<?> task) {
        long start = System.nanoTime();
        long until = start + SPIN_NANOS;
        while (!task.isDone() && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        return System.nanoTime() - start;
    }

    /**
     * Processor time, in nanoseconds, that the rule sessions run from this thread have used so far; a busy machine
     * stretches wall time but not this, so a series of runs can be budgeted fairly with it.
     */
    static long cpuUsedByCaller() {
        return CALLER_CPU.get()[0];
    }

    private static Outcome await(Session session, Future<Outcome> task, Supplier<Map<String, Long>> ruleJoins,
                                 RuleBudget budget, long spun) {
        try {
            long budgetNanos = budget.time().toNanos();
            // The time already spent spinning counts against the budget.
            long wait = Math.max(0, budgetNanos - spun);
            while (true) {
                try {
                    return task.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (!session.starved()) {
                        throw e;
                    }
                    wait = Math.max(budgetNanos / 10, TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
        } catch (TimeoutException e) {
            session.abandon();
            try {
                return task.get(GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException stillRunning) {
                if (stillRunning instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw session.overrun(ruleJoins.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            session.abandon();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the evaluation of " + session.data.code() + " was interrupted", e);
        }
    }

    /** The session's state, shared between the worker that runs it and the caller that may abandon it. */
    private static final class Session {
        private final InternalKnowledgeBase base;
        private final Map<String, String> rulePacks;
        private final Map<String, String> ruleFiles;
        private final ModelLawEdition edition;
        private final JurisdictionData data;
        private final LocalDate asOf;
        private final RuleBudget budget;
        private final long start;
        private final List<RuledFinding> findings = Collections.synchronizedList(new ArrayList<>());
        private final List<Firing> firings = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Integer> counts = Collections.synchronizedMap(new HashMap<>());
        private List<Provision> inForce = List.of();
        private Set<String> inForceIds = Set.of();
        private volatile KieSession session;
        private Thread worker;
        private long workerCpuStart = -1;
        private long cpuUsed;
        private volatile String firing;
        private volatile boolean outOfTime;
        private volatile RuleBreach breach;
        private int current;

        Session(InternalKnowledgeBase base, Map<String, String> rulePacks, Map<String, String> ruleFiles,
                ModelLawEdition edition, JurisdictionData data, LocalDate asOf, RuleBudget budget) {
            this.base = base;
            this.rulePacks = rulePacks;
            this.ruleFiles = ruleFiles;
            this.edition = edition;
            this.data = data;
            this.asOf = asOf;
            this.budget = budget;
            this.start = System.nanoTime();
        }

        /** On the worker thread: runs the session, and lets the caller reach this thread only meanwhile. */
        Outcome work() {
            synchronized (this) {
                worker = Thread.currentThread();
                workerCpuStart = threadCpu();
            }
            try {
                return run();
            } finally {
                synchronized (this) {
                    cpuUsed = workerCpuStart < 0 ? 0 : threadCpu() - workerCpuStart;
                    worker = null;
                    Thread.interrupted(); // an abandon that came late must not reach the pool's next session
                }
            }
        }

        private Outcome run() {
            inForce = data.provisions().stream().filter(p -> p.inForceOn(asOf))
                    .sorted(Comparator.comparing(Provision::id)).toList();
            inForceIds = inForce.stream().map(Provision::id).collect(Collectors.toSet());
            KieSession s = base.newKieSession();
            session = s;
            try {
                s.addEventListener(new Guard());
                s.addEventListener(new Tracer());
                s.insert(data.jurisdiction());
                edition.criteria().stream().sorted(Comparator.comparingInt(Criterion::number)).forEach(s::insert);
                for (Provision provision : inForce) {
                    s.insert(provision);
                    provision.elements().forEach(s::insert);
                }
                int fired = s.fireAllRules(budget.fireLimit());
                if (breach != null) {
                    throw breach;
                }
                if (outOfTime) {
                    throw overrun(Map.of());
                }
                if (fired >= budget.fireLimit()) {
                    throw loop();
                }
            } finally {
                s.dispose();
            }
            return new Outcome(inForce, List.copyOf(findings), List.copyOf(firings));
        }

        /**
         * Whether a session past its time is still working but was kept from the processor by a busy machine (so
         * it may go on, up to {@link #STARVED_LIMIT} times the budget), rather than blocked, waiting or spent.
         */
        synchronized boolean starved() {
            if (System.nanoTime() - start >= STARVED_LIMIT * budget.time().toNanos()) {
                return false;
            }
            if (worker == null) {
                return true; // not started yet, or just finishing: the result is on its way
            }
            if (worker.getState() != Thread.State.RUNNABLE) {
                return false;
            }
            long cpu = CPU.isThreadCpuTimeSupported() && workerCpuStart >= 0
                    ? CPU.getThreadCpuTime(worker.getId()) - workerCpuStart : -1;
            return cpu >= 0 && cpu < budget.time().toNanos();
        }

        /** Processor time the worker spent on this session, once it is done (pool threads are reused). */
        synchronized long cpuUsed() {
            return cpuUsed;
        }

        /** Called by the caller when the time is up: stop the session at its next firing and wake the worker. */
        synchronized void abandon() {
            outOfTime = true;
            KieSession s = session;
            if (s != null) {
                try {
                    s.halt();
                } catch (RuntimeException ignored) {
                    // the session may be half-built or already disposed; the worker is abandoned either way
                }
            }
            if (worker != null) {
                worker.interrupt();
            }
        }

        RuleBreach overrun(Map<String, Long> ruleJoins) {
            String prefix = "rules for " + data.code() + " did not finish within the time budget of " + budget.shownTime();
            String rule = firing;
            if (rule != null) {
                return new RuleBreach(packOf(rule), ruleFiles.getOrDefault(rule, ""), prefix + ": " + describe(rule)
                        + " was still running");
            }
            // Matching, not firing: Drools cannot say which rule's conditions it was on; name the one that joins most.
            rule = ruleJoins.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
            if (rule == null) {
                return new RuleBreach(null, "", prefix);
            }
            return new RuleBreach(packOf(rule), ruleFiles.getOrDefault(rule, ""), prefix + " while matching the"
                    + " rules' conditions; the rule whose patterns join the most facts is " + describe(rule));
        }

        private RuleBreach loop() {
            Map.Entry<String, Integer> worst;
            synchronized (counts) {
                worst = counts.entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .orElseThrow();
            }
            String rule = worst.getKey();
            String where = ruleFiles.getOrDefault(rule, "");
            return new RuleBreach(packOf(rule), where, "rules for " + data.code() + " stopped after "
                    + budget.fireLimit() + " firings, which means a loop: rule \"" + nameOf(rule) + "\""
                    + (where.isEmpty() ? "" : " at " + where) + " fired " + worst.getValue() + " times (pack "
                    + packOf(rule) + ")");
        }

        private void breach(Rule rule, String what) {
            if (breach == null) {
                String key = qualified(rule, rulePacks);
                breach = new RuleBreach(packOf(key), ruleFiles.getOrDefault(key, ""), describe(key) + " " + what);
            }
            KieSession s = session;
            if (s != null) {
                s.halt();
            }
        }

        private String describe(String rule) {
            String where = ruleFiles.getOrDefault(rule, "");
            return "rule \"" + nameOf(rule) + "\"" + (where.isEmpty() ? "" : " at " + where) + " (pack " + packOf(rule) + ")";
        }

        /** Checks every fact a rule inserts, updates or deletes, as it happens. */
        private final class Guard implements RuleRuntimeEventListener {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Rule rule = event.getRule();
                if (rule == null) {
                    return;
                }
                if (!(event.getObject() instanceof Finding f)) {
                    breach(rule, "inserted a " + event.getObject().getClass().getSimpleName()
                            + "; rules may insert only findings");
                    return;
                }
                if (!data.code().equals(f.jurisdiction())) {
                    breach(rule, "concluded about " + f.jurisdiction() + " while " + data.code() + " was assessed;"
                            + " a pack's rules conclude only about the jurisdiction being assessed");
                } else if (f.status() == null) {
                    breach(rule, "concluded no status on " + f.criterion() + "; a finding is MET, NOT_MET or UNKNOWN");
                } else if (f.status() != Status.NOT_MET && !inForceIds.contains(f.provision())) {
                    breach(rule, "concluded " + f.status() + " on " + f.criterion() + " for " + data.code() + " citing "
                            + (f.provision() == null ? "no provision" : "\"" + f.provision() + "\", which is not a"
                            + " provision in force on " + asOf) + "; " + (f.status() == Status.MET ? "a" : "an") + " " + f.status()
                            + " finding must cite the"
                            + " provision in force it rests on");
                } else {
                    findings.add(new RuledFinding(f, qualified(rule, rulePacks), current));
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                if (event.getRule() != null) {
                    breach(event.getRule(), "changed a fact; rules may only add findings");
                }
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getRule() != null) {
                    breach(event.getRule(), "removed a fact; rules may only add findings");
                }
            }
        }

        /** On the worker: more of the processor than the budget, or far more time than it, has been used. */
        private boolean pastBudget() {
            long elapsed = System.nanoTime() - start;
            long allowed = budget.time().toNanos();
            if (elapsed < allowed) {
                return false;
            }
            long started = workerCpuStart;
            long cpu = started >= 0 ? threadCpu() - started : elapsed;
            return cpu >= allowed || elapsed >= STARVED_LIMIT * allowed;
        }

        /** Counts and records firings, and stops the session at the first firing past its budget. */
        private final class Tracer extends DefaultAgendaEventListener {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current++;
                firing = qualified(event.getMatch().getRule(), rulePacks);
                if (pastBudget()) {
                    outOfTime = true;
                    session.halt();
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                // The name beforeMatchFired made for this same match (firings do not nest within a session).
                String rule = firing != null ? firing : qualified(event.getMatch().getRule(), rulePacks);
                firing = null;
                counts.merge(rule, 1, Integer::sum);
                if (firings.size() < 1000) {
                    firings.add(new Firing(current, rule, event.getMatch().getObjects()));
                }
            }
        }
    }

    private static String qualified(Rule rule, Map<String, String> rulePacks) {
        return rulePacks.getOrDefault(rule.getPackageName(), rule.getPackageName()) + ": " + rule.getName();
    }

    private static String packOf(String qualified) {
        return qualified.substring(0, qualified.indexOf(": "));
    }

    private static String nameOf(String qualified) {
        return qualified.substring(qualified.indexOf(": ") + 2);
    }

    static String describe(Object fact) {
        if (fact instanceof LegalElement e) {
            return "element " + e.type() + " of " + e.provision();
        }
        if (fact instanceof Provision p) {
            return "provision " + p.id();
        }
        if (fact instanceof Criterion c) {
            return "criterion " + c.id();
        }
        if (fact instanceof Finding f) {
            return "finding " + f.criterion() + "=" + f.status();
        }
        if (fact instanceof org.lexgap.api.model.Jurisdiction j) {
            return "jurisdiction " + j.code();
        }
        return String.valueOf(fact);
    }
}
