package backprop.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small fixed pool that splits the output rows of a product into contiguous pieces, taken by whichever
 * thread is free. A row is always computed whole by one thread, so the split never changes a result: the
 * numbers are bit-identical for 1, 2 or 16 threads.
 *
 * <p>Three rules keep a second thread from ever making a run slower than one thread, on a quiet machine or
 * on one where other programs use the processors:
 * <ol>
 *   <li>Work below {@link #PARALLEL_WORK} multiply-adds stays on the calling thread, where handing it over
 *       would cost more than it saves.</li>
 *   <li>The calling thread never waits for a worker to start: it takes pieces itself from the first one on,
 *       and a worker that wakes late finds the pieces gone and goes back to sleep. The caller waits only for
 *       pieces a worker has taken and not yet finished, and while it waits it gives its processor away
 *       (a worker that was descheduled in the middle of a piece needs one).</li>
 *   <li>An idle worker spins for at most {@link #SPIN_NANOS} (a training step hands out its products a few
 *       microseconds apart, and waking a parked thread costs tens of microseconds here), then parks.</li>
 * </ol>
 *
 * <p>The thread count defaults to the number of processors and is set with {@link #setThreads(int)}
 * (the command line's {@code --threads}). There is one pool per JVM. Two threads of a program may train
 * two networks at once: while one uses the pool, the other runs its products on its own thread; neither
 * waits for the other, and each gets the numbers it would get alone.
 */
public final class RowPool {

    /** Work of fewer multiply-adds than this (about a hundred microseconds) runs serially. */
    public static final long PARALLEL_WORK = 1L << 18;

    /** Pieces per thread: rows are handed out in this many pieces each, to whichever thread is free. */
    static final int PIECES_PER_THREAD = 16;

    /** How long an idle worker spins before it parks. */
    static final long SPIN_NANOS = 200_000L;

    /** How long a caller waiting for a worker's last piece spins before it starts yielding its processor. */
    static final long WAIT_SPIN_NANOS = 20_000L;

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

    private static final ReentrantLock POOL = new ReentrantLock();
    private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> false);
    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static Worker[] workers = new Worker[0];           // guarded by POOL

    private RowPool() {
    }

    /** @return the number of threads products may use, 1 or more */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads products may use; 1 runs everything on the calling thread. Waits until no
     * product is running.
     *
     * @param count 1 or more
     */
    public static void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads: " + count + ", expected 1 or more");
        }
        POOL.lock();
        try {
            if (count != threads) {
                for (Worker w : workers) {
                    w.stop();
                }
                workers = new Worker[0];
                threads = count;
            }
        } finally {
            POOL.unlock();
        }
    }

    /** The pool's workers, started when first needed; called with POOL held. */
    private static Worker[] workers() {
        if (workers.length != threads - 1) {
            for (Worker w : workers) {
                w.stop();
            }
            workers = new Worker[threads - 1];
            for (int k = 0; k < workers.length; k++) {
                workers[k] = new Worker(k + 1);
                workers[k].thread.start();
            }
        }
        return workers;
    }

    /**
     * Runs {@code work} over rows 0..rows−1, split across the pool when {@code multiplyAdds} is large. A call
     * made while the pool is busy with another thread's work, or from inside a piece, runs on the calling
     * thread.
     *
     * @param rows         the number of rows
     * @param multiplyAdds the work of all the rows, in multiply-adds
     * @param work         what to run on a range of rows
     */
    public static void forRows(int rows, long multiplyAdds, RowRange work) {
        int count = Math.min(threads, rows);
        if (count <= 1 || multiplyAdds < PARALLEL_WORK || IN_WORKER.get() || POOL.isHeldByCurrentThread()
                || !POOL.tryLock()) {
            work.run(0, rows);
            return;
        }
        try {
            Worker[] pool = workers();
            Pieces pieces = new Pieces(work, rows, count * PIECES_PER_THREAD);
            for (int t = 0; t < count - 1 && t < pool.length; t++) {
                pool[t].offer(pieces);
            }
            pieces.runAll();
            pieces.awaitTaken();
            pieces.rethrow();
        } finally {
            POOL.unlock();
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
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Pieces(RowRange work, int rows, int pieces) {
            this.work = work;
            this.rows = rows;
            this.size = (rows + pieces - 1) / pieces;
            this.count = (rows + size - 1) / size;
        }

        /** Takes pieces until none is left; a failure is kept for the caller and does not stop the others. */
        void runAll() {
            for (int p = next.getAndIncrement(); p < count; p = next.getAndIncrement()) {
                try {
                    work.run(p * size, Math.min(rows, (p + 1) * size));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        /** Once every piece is taken: waits for those still running elsewhere, giving the processor away. */
        void awaitTaken() {
            long start = System.nanoTime();
            while (finished.get() < count) {
                if (System.nanoTime() - start < WAIT_SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        void rethrow() {
            Throwable e = failure.get();
            if (e instanceof RuntimeException r) {
                throw r;
            } else if (e instanceof Error err) {
                throw err;
            } else if (e != null) {
                throw new IllegalStateException("a row range failed: " + e, e);
            }
        }
    }

    /** One pool thread: takes pieces of whatever work is offered, spins a little when idle, then parks. */
    private static final class Worker implements Runnable {
        final Thread thread;
        private volatile Pieces offered;
        private volatile boolean parked;
        private volatile boolean stopped;

        Worker(int number) {
            thread = new Thread(this, "backprop-rows-" + number);
            thread.setDaemon(true);
        }

        void offer(Pieces pieces) {
            offered = pieces;
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            IN_WORKER.set(true);
            Pieces done = null;
            long idleSince = System.nanoTime();
            while (!stopped) {
                Pieces work = offered;
                if (work != done) {
                    work.runAll();
                    done = work;
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (offered == done && !stopped) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
