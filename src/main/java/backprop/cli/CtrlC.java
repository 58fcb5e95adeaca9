package backprop.cli;

import backprop.network.Network;
import backprop.training.EpochListener;
import backprop.training.EpochRecord;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during {@code train}: instead of dying with the run, the JVM's shutdown waits while training stops
 * after the batch it is on and the command writes what it has (history, plots, the model with
 * {@code --save}). The listener it wraps hears everything; {@link #stopRequested()} turns true once the
 * signal has come. The JVM then exits with 130, the code of a run ended by Ctrl-C.
 */
final class CtrlC implements EpochListener, AutoCloseable {

    /** How long the shutdown waits for the files to be written. */
    static final long WAIT_SECONDS = 120;

    private final EpochListener inner;
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean signalled;

    CtrlC(EpochListener inner) {
        this.inner = inner;
        this.hook = new Thread(() -> {
            signalled = true;
            try {
                written.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backprop-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return whether the signal came */
    boolean signalled() {
        return signalled;
    }

    @Override
    public void trainingStarted(Network network) {
        inner.trainingStarted(network);
    }

    @Override
    public void batchEnded(BatchProgress progress) {
        inner.batchEnded(progress);
    }

    @Override
    public Decision epochEnded(EpochRecord record) {
        return inner.epochEnded(record);
    }

    @Override
    public boolean stopRequested() {
        return signalled || inner.stopRequested();
    }

    /** Lets a waiting shutdown go on (everything is written), or removes the hook when no signal came. */
    @Override
    public void close() {
        written.countDown();
        if (!signalled) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs, finds the latch open and returns
            }
        }
    }
}
