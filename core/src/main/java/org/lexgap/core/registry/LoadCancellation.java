package org.lexgap.core.registry;

/**
 * Lets one load be stopped from outside: by its time budget, by {@code cancelload}, or by the caller being
 * interrupted. The loader checks it between its steps (read, verify, compile, test) and the registry checks it
 * again before switching, so a cancelled load never serves even if its thread finishes later.
 */
public final class LoadCancellation {
    /** Thrown at a check once the load is cancelled. */
    public static final class Cancelled extends RuntimeException {
        Cancelled(String reason) {
            super(reason);
        }
    }

    public static LoadCancellation none() {
        return new LoadCancellation();
    }

    private volatile String reason;
    private Thread worker;
    private Runnable onCancel = () -> { };

    /**
     * Cancels with this one-line reason (the first reason given stands), interrupts the loading thread and wakes
     * whoever waits for the load.
     */
    public void cancel(String why) {
        Runnable wake;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
            if (worker != null) {
                worker.interrupt();
            }
            wake = onCancel;
        }
        wake.run();
    }

    public String reason() {
        return reason;
    }

    public boolean cancelled() {
        return reason != null;
    }

    /** Throws {@link Cancelled} if the load was cancelled. */
    public void check() {
        String why = reason;
        if (why != null) {
            throw new Cancelled(why);
        }
    }

    synchronized void runningOn(Thread thread) {
        worker = thread;
    }

    synchronized void whenCancelled(Runnable action) {
        onCancel = action;
    }
}
