package backprop.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that splits the output rows of a product into contiguous pieces, taken by whichever
 * thread is free. A row is always computed whole by one thread, so the split never changes a result: the
 * numbers are bit-identical for 1, 2 or 16 threads. Work below {@link #PARALLEL_WORK} multiply-adds stays on the
 * calling thread, where handing it over would cost more than it saves.
 *
 * <p>A training step hands out a dozen ranges per batch, a few hundred microseconds apart. Waking a parked
 * thread takes tens of microseconds on a virtual machine, so a worker that has just finished a range
 * spins (politely, {@link Thread#onSpinWait()}) for up to {@link #SPIN_NANOS} before it parks; while
 * training runs the workers stay awake, and a minute later they cost nothing.
 *
 * <p>The thread count defaults to the number of processors and is set with {@link #setThreads(int)}
 * (the command line's {@code --threads}).
 */
public final class RowPool {

    /** Work of fewer multiply-adds than this (about ten microseconds) runs serially. */
    public static final long PARALLEL_WORK = 1L << 15;

    /** Pieces per thread: rows are handed out in this many pieces each, to whichever thread is free. */
    static final int PIECES_PER_THREAD = 16;

    /** How long an idle worker spins before it parks. */
    static final long SPIN_NANOS = 2_000_000L;

    /** A piece of work over the rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface RowRange {
        /**
         * Runs the rows {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param from the first row
         * @param to   one past the last row
         */
        void run(int from, int to);
    }

    private static int threads = Runtime.getRuntime().availableProcessors();
    private static Worker[] workers = new Worker[0];
    private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> false);

    private RowPool() {
    }

    /**
     * The number of threads products may use, 1 or more.
     *
     * @return the thread count, the calling thread included
     */
    public static synchronized int threads() {
        return threads;
    }

    /**
     * Sets the number of threads products may use; 1 runs everything on the calling thread.
     *
     * @param count the thread count, 1 or more
     */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads: " + count + ", expected 1 or more");
        }
        if (count != threads) {
            for (Worker w : workers) {
                w.stop();
            }
            workers = new Worker[0];
        }
        threads = count;
    }

    private static synchronized Worker[] workers() {
        if (workers.length != threads - 1) {
            workers = new Worker[threads - 1];
            for (int k = 0; k < workers.length; k++) {
                workers[k] = new Worker();
                workers[k].thread.start();
            }
        }
        return workers;
    }

    /**
     * Runs {@code work} over rows 0..rows−1, split across the pool when {@code multiplyAdds} is large.
     * Calls from several threads at once are run one after the other.
     *
     * @param rows         the number of rows
     * @param multiplyAdds the size of the work, in multiply-adds; below {@link #PARALLEL_WORK} it runs serially
     * @param work         the work for a range of rows; each row must depend on no other
     */
    public static void forRows(int rows, long multiplyAdds, RowRange work) {
        int count = Math.min(threads(), rows);
        if (count <= 1 || multiplyAdds < PARALLEL_WORK || IN_WORKER.get() || Thread.holdsLock(RowPool.class)) {
            // serial: small work, one thread, or a range that itself asks for rows (no nesting)
            work.run(0, rows);
            return;
        }
        synchronized (RowPool.class) {
            Worker[] pool = workers();
            Pieces pieces = new Pieces(work, rows, count * PIECES_PER_THREAD);
            for (int t = 1; t < count; t++) {
                pool[t - 1].start(pieces);
            }
            RuntimeException failure = null;
            try {
                pieces.runAll();
            } catch (RuntimeException e) {
                failure = e;
            }
            for (int t = 1; t < count; t++) {
                RuntimeException e = pool[t - 1].await();
                if (failure == null) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * The rows cut into contiguous pieces, taken one at a time by whichever thread is free, so that a thread
     * with cheaper rows takes more of them. A row is still computed whole, by one thread, in one order.
     */
    private static final class Pieces {
        private final RowRange work;
        private final int rows;
        private final int size;
        private final int count;
        private final AtomicInteger next = new AtomicInteger();

        Pieces(RowRange work, int rows, int pieces) {
            this.work = work;
            this.rows = rows;
            this.size = (rows + pieces - 1) / pieces;
            this.count = (rows + size - 1) / size;
        }

        void runAll() {
            for (int p = next.getAndIncrement(); p < count; p = next.getAndIncrement()) {
                work.run(p * size, Math.min(rows, (p + 1) * size));
            }
        }
    }

    /** One pool thread: waits for a range, runs it, reports back. */
    private static final class Worker implements Runnable {
        final Thread thread = new Thread(this, "backprop-rows");
        private volatile Pieces job;
        private volatile boolean parked;
        private volatile boolean stopped;
        private RuntimeException failure;

        Worker() {
            thread.setDaemon(true);
        }

        void start(Pieces pieces) {
            failure = null;
            job = pieces;                // publishes failure with it
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        RuntimeException await() {
            while (job != null) {
                Thread.onSpinWait();
            }
            return failure;
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            IN_WORKER.set(true);
            long idleSince = System.nanoTime();
            int spins = 0;
            while (!stopped) {
                Pieces work = job;
                if (work != null) {
                    try {
                        work.runAll();
                    } catch (RuntimeException e) {
                        failure = e;
                    } catch (Error e) {
                        failure = new IllegalStateException("a row range failed: " + e, e);
                    }
                    job = null;
                    idleSince = System.nanoTime();
                    spins = 0;
                } else if (++spins % 1024 != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (job == null && !stopped) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
