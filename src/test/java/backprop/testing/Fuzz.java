package backprop.testing;

import backprop.random.SplitMix64;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Runs the cases of one fuzzed format and counts what came out of each: accepted (and then checked for
 * sanity), rejected with one of the project's own exceptions (whose message must name the file), or
 * anything else — a bare JDK exception, an error, data that passed but is not sane, a case that hangs.
 * Case {@code i} draws from {@code new SplitMix64(seed + i)}, so a failing case is replayed from its number.
 *
 * <p>The number of cases per format is {@code fuzz.cases} (default {@link #DEFAULT_CASES}); the seed is
 * {@code fuzz.seed} (default 2024). A case that runs longer than {@code fuzz.hangSeconds} (default 20) is a
 * hang. With {@code fuzz.show=N} the messages of the rejected cases among the first N are printed.
 */
public final class Fuzz {

    /** Cases per format in {@code mvn test}. */
    public static final int DEFAULT_CASES = 2000;

    private Fuzz() {
    }

    /** One case: its input, how to read it and how to check what was read. */
    public interface Case {

        /**
         * Writes the case's input.
         *
         * @param mutator draws the case's mutations and records them
         * @return how to read it
         * @throws Exception if the input cannot be written (a failure of the test, not of the reader)
         */
        Input make(Mutator mutator) throws Exception;
    }

    /**
     * A written input.
     *
     * @param named what every rejection's message must contain (the file or folder), or null
     * @param read  reads it with the code under test
     * @param sane  throws an AssertionError unless what was read is sane
     */
    public record Input(String named, Reader read, Check sane) {
    }

    /** Reads an input. */
    @FunctionalInterface
    public interface Reader {
        /**
         * @return what was read
         * @throws Exception whatever the reader throws
         */
        Object read() throws Exception;
    }

    /** Checks what was read. */
    @FunctionalInterface
    public interface Check {
        /**
         * @param value what was read
         */
        void check(Object value);
    }

    /**
     * The counts of one format.
     *
     * @param format   the format's name
     * @param cases    cases run
     * @param accepted cases read and found sane
     * @param rejected cases rejected with the project's exception naming the file
     * @param bare     cases that ended in anything else (a JDK exception, an error, a message without the file)
     * @param insane   cases read without an exception but holding impossible values
     * @param hangs    cases that did not finish in time (0 or 1: the run stops at a hang)
     * @param failures the first few failures, with their case numbers and mutations
     * @param seconds  the run's wall time
     * @param cpu      the processor time of the thread that ran the cases, in seconds (on a busy machine
     *                 the steadier figure)
     */
    public record Counts(String format, int cases, int accepted, int rejected, int bare, int insane, int hangs,
            List<String> failures, double seconds, double cpu) {

        /** @return one line for the build log */
        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "fuzz %-16s %7d cases: %7d accepted, %7d rejected, %d bare exceptions, %d insane, %d hangs"
                    + " (%.1f s, %.1f s of processor time)", format, cases, accepted, rejected, bare, insane, hangs,
                    seconds, cpu);
        }
    }

    /** @return {@code fuzz.cases}, or the default */
    public static int cases() {
        return Integer.getInteger("fuzz.cases", DEFAULT_CASES);
    }

    /**
     * Runs {@link #cases()} cases of one format on a worker thread, watching for hangs.
     *
     * @param format the format's name, for the summary
     * @param salt   added to the seed so that formats draw different cases
     * @param ours   which exceptions are the project's own, clear rejections
     * @param kase   makes each case
     * @return the counts
     */
    public static Counts run(String format, long salt, Predicate<Throwable> ours, Case kase) throws InterruptedException {
        int cases = cases();
        long seed = Long.getLong("fuzz.seed", 2024L) * 1_000_003L + salt * 7_919L;
        long hangNanos = (long) (Integer.getInteger("fuzz.hangSeconds", 20) * 1e9);
        AtomicInteger current = new AtomicInteger(-1);
        AtomicLong started = new AtomicLong(System.nanoTime());
        int[] counts = new int[4];            // accepted, rejected, bare, insane
        List<String> failures = new ArrayList<>();
        double[] cpu = new double[1];
        Thread worker = new Thread(() -> {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            try {
                for (int i = 0; i < cases; i++) {
                    started.set(System.nanoTime());
                    current.set(i);
                    runCase(i, seed, ours, kase, counts, failures);
                }
            } catch (RuntimeException | Error e) {
                synchronized (counts) {
                    counts[2]++;
                    failures.add("the run stopped at case " + current.get() + ": " + trace(e));
                }
            }
            synchronized (counts) {
                cpu[0] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            }
        }, "fuzz-" + format);
        worker.setDaemon(true);
        long begin = System.nanoTime();
        worker.start();
        int hangs = 0;
        while (worker.isAlive()) {
            worker.join(100);
            if (worker.isAlive() && System.nanoTime() - started.get() > hangNanos) {
                hangs = 1;
                synchronized (counts) {
                    failures.add("case " + current.get() + " hangs (more than " + hangNanos / 1_000_000_000 + " s)");
                }
                worker.interrupt();
                break;
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        synchronized (counts) {
            int done = counts[0] + counts[1] + counts[2] + counts[3] + hangs;
            return new Counts(format, done, counts[0], counts[1], counts[2], counts[3], hangs, List.copyOf(failures),
                    seconds, cpu[0]);
        }
    }

    private static void runCase(int i, long seed, Predicate<Throwable> ours, Case kase, int[] counts,
            List<String> failures) {
        Mutator mutator = new Mutator(new SplitMix64(seed + i));
        Input input;
        try {
            input = kase.make(mutator);
        } catch (Exception e) {
            throw new IllegalStateException("case " + i + " could not be written", e);
        }
        int outcome;
        String problem = null;
        try {
            Object value = input.read().read();
            try {
                input.sane().check(value);
                outcome = 0;
            } catch (AssertionError e) {
                outcome = 3;
                problem = "accepted but not sane: " + e.getMessage();
            }
        } catch (Throwable t) {
            String message = String.valueOf(t.getMessage());
            if (ours.test(t) && (input.named() == null || message.contains(input.named()))
                    && message.chars().noneMatch(Character::isISOControl)) {
                outcome = 1;
                if (i < Integer.getInteger("fuzz.show", 0)) {
                    System.out.println("  case " + i + " [" + mutator.description() + "]\n    " + message);
                }
            } else {
                outcome = 2;
                problem = ours.test(t) ? "message without the file, or with control characters: " + message : trace(t);
            }
        }
        synchronized (counts) {
            counts[outcome]++;
            if (problem != null && failures.size() < 10) {
                failures.add("case " + i + " [" + mutator.description() + "]: " + problem);
            }
        }
    }

    private static String trace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        String text = s.toString();
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    private static final List<String> SUMMARY = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * Writes a case's file anew. Deleting first matters: the file system flushes a file that is truncated
     * and rewritten when it is closed, which made every case wait for the disk.
     *
     * @param file  the case's file
     * @param bytes its content
     * @throws IOException if it cannot be written
     */
    public static void replace(java.nio.file.Path file, byte[] bytes) throws IOException {
        java.nio.file.Files.deleteIfExists(file);
        java.nio.file.Files.write(file, bytes);
    }

    /**
     * Asserts that a format's run found nothing: no case failed, none escaped as a bare exception, was accepted
     * with impossible values or hung, every case ran, and some were rejected. Keeps the counts for
     * {@link #printSummary()}.
     *
     * @param counts the run's counts
     */
    public static void expectClean(Counts counts) {
        SUMMARY.add(counts.summary());
        org.assertj.core.api.Assertions.assertThat(counts.failures()).as(counts.summary()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(counts.bare() + counts.insane() + counts.hangs()).isZero();
        org.assertj.core.api.Assertions.assertThat(counts.cases()).isEqualTo(cases());
        org.assertj.core.api.Assertions.assertThat(counts.rejected()).as("some cases are rejected").isPositive();
    }

    /** Prints the counts of every format run so far, one line each, and forgets them. */
    public static void printSummary() {
        synchronized (SUMMARY) {
            SUMMARY.forEach(System.out::println);
            SUMMARY.clear();
        }
    }
}
