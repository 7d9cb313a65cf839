package org.lexgap.core.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs each pack load on a worker thread of its own, under a time budget, and lets it be cancelled. The caller
 * waits for the result no longer than the budget; a load that runs over is cancelled and its result, should the
 * worker still finish, is dropped. Loads of the same pack (the same installation key) run one after the other;
 * loads of different packs run side by side. Nothing here holds the registry's lock.
 */
final class Loads implements AutoCloseable {
    private final Duration budget;
    private final ExecutorService workers;
    private final Set<LoadCancellation> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> perPack = new ConcurrentHashMap<>();

    Loads(Duration budget) {
        this.budget = budget;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lexgap-pack-load-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Duration budget() {
        return budget;
    }

    /**
     * Runs {@code work} for the pack {@code key}; if it cannot finish within the budget, is cancelled, or fails,
     * returns {@code refused} applied to the cancellation and a one-line reason instead.
     */
    <T> T run(String key, Function<LoadCancellation, T> work, BiFunction<LoadCancellation, String, T> refused) {
        LoadCancellation cancellation = new LoadCancellation();
        long deadline = System.nanoTime() + budget.toNanos();
        ReentrantLock lock = perPack.computeIfAbsent(key, k -> new ReentrantLock(true));
        try {
            if (!lock.tryLock(budget.toNanos(), TimeUnit.NANOSECONDS)) {
                return refused.apply(cancellation, "another load of this pack has run for longer than the "
                        + seconds() + " budget; try again, or stop it with cancelload");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused.apply(cancellation, "the load was cancelled before it started");
        }
        inFlight.add(cancellation);
        try {
            CompletableFuture<T> result = new CompletableFuture<>();
            cancellation.whenCancelled(() -> result.completeExceptionally(new CancellationException()));
            workers.execute(() -> {
                cancellation.runningOn(Thread.currentThread());
                try {
                    result.complete(work.apply(cancellation));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    cancellation.runningOn(null);
                    Thread.interrupted();
                }
            });
            try {
                return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                cancellation.cancel("the load took longer than its " + seconds() + " budget and was cancelled");
            } catch (InterruptedException e) {
                cancellation.cancel("the load was cancelled (interrupted)");
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (!cancellation.cancelled()) {
                    return refused.apply(cancellation, "the load failed: " + cause);
                }
            }
            return refused.apply(cancellation, cancellation.reason());
        } finally {
            inFlight.remove(cancellation);
            lock.unlock();
        }
    }

    /** Cancels every load in progress; returns how many. */
    int cancelAll(String why) {
        int n = 0;
        for (LoadCancellation cancellation : inFlight) {
            cancellation.cancel(why);
            n++;
        }
        return n;
    }

    int inProgress() {
        return inFlight.size();
    }

    private String seconds() {
        long millis = budget.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    @Override
    public void close() {
        cancelAll("the platform is stopping");
        workers.shutdownNow();
    }
}
