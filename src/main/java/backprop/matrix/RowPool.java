package backprop.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small fixed pool that splits the output rows of a product into contiguous ranges, one per thread.
 * A row is always computed whole by one thread, so the split never changes a result: the numbers are
 * bit-identical for 1, 2 or 16 threads. Products below {@link #PARALLEL_WORK} multiply-adds stay on the
 * calling thread, where handing work over would cost more than it saves.
 *
 * <p>The thread count defaults to the number of processors and is set with {@link #setThreads(int)}
 * (the command line's {@code --threads}).
 */
public final class RowPool {

    /** Products with fewer multiply-adds than this (about a millisecond of work) run serially. */
    public static final long PARALLEL_WORK = 1L << 19;

    /** A piece of work over the rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface RowRange {
        void run(int from, int to);
    }

    private static int threads = Runtime.getRuntime().availableProcessors();
    private static ExecutorService pool;

    private RowPool() {
    }

    /** The number of threads products may use, 1 or more. */
    public static synchronized int threads() {
        return threads;
    }

    /** Sets the number of threads products may use; 1 runs everything on the calling thread. */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads: " + count + ", expected 1 or more");
        }
        if (count != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = count;
    }

    private static synchronized ExecutorService pool(int count) {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(count - 1, task -> {
                Thread t = new Thread(task, "backprop-rows");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** Runs {@code work} over rows 0..rows−1, split across the pool when {@code multiplyAdds} is large. */
    public static void forRows(int rows, long multiplyAdds, RowRange work) {
        int count = Math.min(threads(), rows);
        if (count <= 1 || multiplyAdds < PARALLEL_WORK) {
            work.run(0, rows);
            return;
        }
        ExecutorService executor = pool(threads());
        List<Future<?>> pending = new ArrayList<>(count - 1);
        int chunk = (rows + count - 1) / count;
        for (int t = 1; t < count; t++) {
            int from = t * chunk;
            int to = Math.min(rows, from + chunk);
            if (from < to) {
                pending.add(executor.submit(() -> work.run(from, to)));
            }
        }
        work.run(0, Math.min(rows, chunk));
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a row range", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("a row range failed", cause);
            }
        }
    }
}
