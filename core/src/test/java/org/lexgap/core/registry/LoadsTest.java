package org.lexgap.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Loads run under a budget, can be cancelled, and drop what a cancelled worker returns late. */
class LoadsTest {
    @Test
    void aLoadOverItsBudgetIsCancelledAndTheWorkerInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (Loads loads = new Loads(Duration.ofMillis(200))) {
            String result = loads.run("k", cancellation -> {
                try {
                    Thread.sleep(60_000);
                    return "finished";
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    return "late";
                }
            }, (cancellation, reason) -> "refused: " + reason);
            assertEquals("refused: the load took longer than its 200 ms budget and was cancelled", result);
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the worker was interrupted");
        }
    }

    @Test
    void cancelAllWakesTheCallerAtOnceAndLoadsOfOtherPacksAreNotHeldUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        try (Loads loads = new Loads(Duration.ofSeconds(60))) {
            CompletableFuture<String> hanging = CompletableFuture.supplyAsync(() -> loads.run("slow", cancellation -> {
                started.countDown();
                while (true) {
                    // busy, ignoring interrupts, as a stuck rule engine would
                    if (never.getCount() == 0) {
                        return "never";
                    }
                }
            }, (cancellation, reason) -> "refused: " + reason));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals("fast", loads.run("other", cancellation -> "fast", (c, r) -> "refused"),
                    "another pack loads while one hangs");
            assertEquals(1, loads.inProgress());
            assertEquals(1, loads.cancelAll("the load was cancelled (cancelload)"));
            assertEquals("refused: the load was cancelled (cancelload)", hanging.get(5, TimeUnit.SECONDS));
            never.countDown();
        }
    }

    @Test
    void aFailingLoadIsRefusedWithItsReason() {
        try (Loads loads = new Loads(Duration.ofSeconds(5))) {
            String result = loads.run("k", cancellation -> {
                throw new IllegalStateException("boom");
            }, (cancellation, reason) -> reason);
            assertEquals("the load failed: java.lang.IllegalStateException: boom", result);
        }
    }
}
