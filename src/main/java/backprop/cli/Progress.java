package backprop.cli;

import backprop.training.EpochListener;
import backprop.training.EpochRecord;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress on stderr for runs longer than a second.
 * <p>
 * On a terminal: a live line redrawn in place (at most ten times a second) with the epoch, a bar, the
 * batches done, the running loss and accuracy, samples per second and the time left; the bar fills over the
 * epoch's batches, or over all epochs when each epoch is one batch. Each line is fitted to the terminal's
 * width (the {@code COLUMNS} variable, else what {@code stty size} says, else 80 columns): parts are left
 * out, least useful first, until it
 * is at most one column narrower than the terminal, so it never wraps; a redraw blanks exactly what the
 * previous one left beyond the new text. Epochs leave a permanent line each, at most twice a second (every
 * five seconds when the bar runs over all epochs), and the last epoch always.
 * <p>
 * Elsewhere (stderr a file or a pipe): plain lines only, never a carriage return: an epoch line at most
 * every two seconds, a line from within an epoch at most every ten, and the last epoch's line at the end.
 * <p>
 * {@link #close()} ends the display: it prints the last epoch's line if it was held back and leaves the
 * cursor at the start of a clean line, also when training ended early or failed.
 */
final class Progress implements EpochListener, AutoCloseable {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long EPOCH_LINE_NANOS = 500_000_000L;
    private static final long RUN_BAR_LINE_NANOS = 5_000_000_000L;
    private static final long LOG_EPOCH_LINE_NANOS = 2_000_000_000L;
    private static final long LOG_BATCH_LINE_NANOS = 10_000_000_000L;
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 30;

    private final PrintStream err;
    private final String label;
    private final int epochs;
    private final boolean terminal;
    private final int columns;
    private final LongSupplier clock;
    private final long created;
    private long trainingStart = -1;
    private long epochStart = -1;
    private int epochStartSamples;
    private int batchesPerEpoch;
    private long lastDraw = Long.MIN_VALUE / 2;
    private long lastLine = Long.MIN_VALUE / 2;
    /** Columns of the live line now on the screen; 0 when there is none. */
    private int drawn;
    /** The live line's parts and bar width, fixed at its first drawing. */
    private Layout liveLayout;
    /** The last epoch, if its line has not been printed. */
    private EpochRecord pending;

    /**
     * Progress for a real run: a live line if stderr is a terminal, plain lines otherwise.
     *
     * @param err    where progress goes
     * @param label  the run's name, at the start of every line
     * @param epochs the epochs the run will train at most
     */
    Progress(PrintStream err, String label, int epochs) {
        this(err, label, epochs, stderrIsTerminal(), System::nanoTime);
    }

    private Progress(PrintStream err, String label, int epochs, boolean terminal, LongSupplier clock) {
        this(err, label, epochs, terminal, terminal ? terminalColumns() : 80, clock);
    }

    /**
     * Progress with every outside fact given: for tests.
     *
     * @param err      where progress goes
     * @param label    the run's name
     * @param epochs   the epochs the run will train at most
     * @param terminal whether {@code err} is a terminal (live line) or not (plain lines)
     * @param columns  the terminal's width
     * @param clock    the time in nanoseconds
     */
    Progress(PrintStream err, String label, int epochs, boolean terminal, int columns, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.epochs = epochs;
        this.terminal = terminal;
        this.columns = Math.max(1, columns);
        this.clock = clock;
        this.created = clock.getAsLong();
    }

    /**
     * The terminal's width from the {@code COLUMNS} variable.
     *
     * @param value the variable's value, or null
     * @return the width it gives, or 80 if it gives none
     */
    static int columns(String value) {
        int c = positive(value, 0);
        return c > 0 ? c : 80;
    }

    /** The positive whole number in {@code value}, else {@code otherwise}. */
    private static int positive(String value, int otherwise) {
        if (value != null) {
            try {
                int c = Integer.parseInt(value.strip());
                if (c > 0) {
                    return c;
                }
            } catch (NumberFormatException e) {
                // not a width
            }
        }
        return otherwise;
    }

    /**
     * The terminal's width: the {@code COLUMNS} variable if it holds one (shells set it but seldom export
     * it), else what {@code stty size} says of the controlling terminal, else 80.
     */
    static int terminalColumns() {
        int variable = positive(System.getenv("COLUMNS"), 0);
        if (variable > 0) {
            return variable;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroy();
                return 80;
            }
            String[] rowsAndColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .strip().split("\\s+");
            if (stty.exitValue() == 0 && rowsAndColumns.length == 2) {
                return positive(rowsAndColumns[1], 80);
            }
        } catch (IOException | RuntimeException e) {
            // no terminal to ask: the default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }

    /**
     * Whether stderr is a terminal. Linux shows where file descriptor 2 leads; elsewhere the usual test,
     * {@code System.console()}, which asks about stdin and stdout instead.
     */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | RuntimeException e) {
            // no such view of the process: ask the console below
        }
        return System.console() != null;
    }

    @Override
    public void batchEnded(BatchProgress p) {
        long now = clock.getAsLong();
        if (trainingStart < 0) {
            trainingStart = now;
        }
        if (epochStart < 0) {
            epochStart = now;
            epochStartSamples = p.samplesDone();
        }
        batchesPerEpoch = p.batches();
        if (now - created < QUIET_NANOS) {
            return;
        }
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                draw(liveLine(p, now));
            }
        } else if (now - lastLine >= LOG_BATCH_LINE_NANOS && p.batches() > 1) {
            lastLine = now;
            err.println(fit(List.of(
                    new Part(label + " epoch " + p.epoch() + "/" + epochs, 0),
                    new Part("batch " + p.batch() + "/" + p.batches(), 2),
                    new Part("loss " + loss(p.runningLoss()), 1),
                    accuracyPart("accuracy ", p.runningAccuracy(), 3),
                    timeLeftPart(p, now, 4)), columns - 1, -1));
        }
    }

    @Override
    public Decision epochEnded(EpochRecord r) {
        long now = clock.getAsLong();
        epochStart = now;
        epochStartSamples = 0;
        pending = r;
        if (now - created < QUIET_NANOS) {
            return Decision.CONTINUE;
        }
        long interval = !terminal ? LOG_EPOCH_LINE_NANOS : batchesPerEpoch > 1 ? EPOCH_LINE_NANOS : RUN_BAR_LINE_NANOS;
        if (r.epoch() >= epochs || now - lastLine >= interval) {
            printEpochLine(now);
        }
        return Decision.CONTINUE;
    }

    /** Ends the display: the held-back last epoch's line if there is one, and no live line left behind. */
    @Override
    public void close() {
        long now = clock.getAsLong();
        if (pending != null && now - created >= QUIET_NANOS) {
            printEpochLine(now);
        } else if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
        err.flush();
    }

    private void printEpochLine(long now) {
        EpochRecord r = pending;
        pending = null;
        lastLine = now;
        String line = fit(List.of(
                new Part(label + " epoch " + r.epoch() + "/" + epochs, 0),
                new Part("loss " + loss(r.trainLoss()), 1),
                accuracyPart("accuracy ", r.trainAccuracy(), 2),
                Double.isNaN(r.validationLoss()) ? Part.NONE : new Part("validation loss " + loss(r.validationLoss()), 5),
                accuracyPart("validation ", r.validationAccuracy(), 3),
                new Part(String.format(Locale.ROOT, "%.2fs", r.seconds()), 4)), columns - 1, -1);
        if (terminal && drawn > 0) {
            // the epoch's line takes the live line's place; blanks cover what is left of the longer one
            err.print("\r" + line + " ".repeat(Math.max(0, drawn - width(line))) + "\n");
            drawn = 0;
        } else {
            err.print(line + "\n");
        }
        err.flush();
    }

    private String liveLine(BatchProgress p, long now) {
        boolean overRun = p.batches() <= 1;
        double done = overRun ? (double) p.epoch() / epochs : (double) p.batch() / p.batches();
        double seconds = (now - epochStart) / 1e9;
        double rate = (p.samplesDone() - epochStartSamples) / seconds;
        boolean accuracy = !Double.isNaN(p.runningAccuracy());
        List<Part> parts = liveParts(label + " epoch " + p.epoch() + "/" + epochs, overRun ? null
                : p.batch() + "/" + p.batches(), "loss " + loss(p.runningLoss()), accuracy
                ? String.format(Locale.ROOT, "acc %.2f%%", 100 * p.runningAccuracy()) : null,
                overRun ? null : seconds <= 0 || !(rate > 0) ? "" : String.format(Locale.ROOT, "%,.0f/s", rate),
                Double.isNaN(timeLeft(p, now)) ? "" : "left " + duration(timeLeft(p, now)));
        if (liveLayout == null) {
            // laid out once, for the widest each part can be, so the bar keeps its width from redraw to redraw
            String most = String.valueOf(epochs);
            liveLayout = layout(liveParts(label + " epoch " + most + "/" + most, overRun ? null
                    : p.batches() + "/" + p.batches(), "loss 0.000e-00", accuracy ? "acc 100.00%" : null,
                    overRun ? null : "9,999,999/s", "left 99h59m"), columns - 1);
        }
        return render(parts, liveLayout, done, columns - 1);
    }

    /** The live line's parts in their order; null leaves a part out, "" is a part with nothing to show yet. */
    private static List<Part> liveParts(String epoch, String batches, String loss, String accuracy, String rate,
            String left) {
        return List.of(new Part(epoch, 0), Part.BAR, part(batches, 4), new Part(loss, 2), part(accuracy, 5),
                part(rate, 6), new Part(left, 3));
    }

    private static Part part(String text, int priority) {
        return text == null ? Part.NONE : new Part(text, priority);
    }

    /**
     * Seconds left in the run, from the time so far and the share of all batches done; NaN (unknown) in the
     * run's first second, when one slow first batch would say too much.
     */
    private double timeLeft(BatchProgress p, long now) {
        double share = (p.epoch() - 1 + (double) p.batch() / p.batches()) / epochs;
        double seconds = (now - trainingStart) / 1e9;
        return share <= 0 || seconds < 1 ? Double.NaN : seconds * (1 - share) / share;
    }

    private Part timeLeftPart(BatchProgress p, long now, int priority) {
        double left = timeLeft(p, now);
        return Double.isNaN(left) ? Part.NONE : new Part("left " + duration(left), priority);
    }

    /** Replaces the live line: the new text, then blanks over whatever the old one left beyond it. */
    private void draw(String line) {
        int w = width(line);
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - w)));
        drawn = w;
        err.flush();
    }

    /**
     * A piece of a line and how much it matters: parts with higher numbers are left out first.
     *
     * @param text     the text
     * @param priority 0 for what is always kept
     */
    record Part(String text, int priority) {
        static final Part NONE = new Part("", Integer.MAX_VALUE);
        static final Part BAR = new Part("[bar]", 1);
    }

    /**
     * Which parts of a line are shown and how wide its bar is.
     *
     * @param shown    one flag per part, in the parts' order
     * @param barWidth the bar's width inside its brackets, 0 without a bar
     */
    record Layout(boolean[] shown, int barWidth) {
    }

    /**
     * The layout that fits {@code parts} in {@code width} columns, two spaces apart: parts are left out, the
     * highest priority number first, until the line fits with a bar (if there is one) of {@value #MIN_BAR}
     * to {@value #MAX_BAR} columns plus its brackets. Parts of priority 0 always stay.
     */
    static Layout layout(List<Part> parts, int width) {
        boolean[] shown = new boolean[parts.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = parts.get(i) != Part.NONE;
        }
        while (true) {
            int fixed = 0;
            int count = 0;
            boolean bar = false;
            for (int i = 0; i < shown.length; i++) {
                if (shown[i]) {
                    fixed += count++ == 0 ? 0 : 2;
                    bar |= parts.get(i) == Part.BAR;
                    fixed += parts.get(i) == Part.BAR ? 2 : width(parts.get(i).text());
                }
            }
            int barWidth = bar ? Math.min(MAX_BAR, width - fixed) : 0;
            if ((!bar || barWidth >= MIN_BAR) && fixed + barWidth <= width) {
                return new Layout(shown, barWidth);
            }
            int least = -1;
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] && parts.get(i).priority() > 0
                        && (least < 0 || parts.get(i).priority() >= parts.get(least).priority())) {
                    least = i;
                }
            }
            if (least < 0) {
                return new Layout(shown, 0);
            }
            shown[least] = false;
        }
    }

    /**
     * The parts a layout shows, two spaces apart, the bar filled to the share {@code done}; cut to
     * {@code width} if it is still too long.
     */
    static String render(List<Part> parts, Layout layout, double done, int width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (!layout.shown()[i] || p == Part.NONE || (p == Part.BAR ? layout.barWidth() == 0 : p.text().isEmpty())) {
                continue;
            }
            s.append(s.length() == 0 ? "" : "  ");
            if (p == Part.BAR) {
                int filled = (int) Math.round(layout.barWidth() * Math.max(0, Math.min(1, done)));
                s.append('[').append("#".repeat(filled)).append("-".repeat(layout.barWidth() - filled)).append(']');
            } else {
                s.append(p.text());
            }
        }
        return cut(s.toString(), width);
    }

    /** The parts that fit in {@code width} columns: {@link #render} of {@link #layout}. */
    static String fit(List<Part> parts, int width, double done) {
        return render(parts, layout(parts, width), done, width);
    }

    private static String cut(String s, int width) {
        if (width(s) <= width) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, width)));
    }

    /** Columns a line takes: one per character (the lines are plain text). */
    static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    private static Part accuracyPart(String name, double accuracy, int priority) {
        return Double.isNaN(accuracy) ? Part.NONE
                : new Part(String.format(Locale.ROOT, "%s%.2f%%", name, 100 * accuracy), priority);
    }

    private static String loss(double v) {
        return Math.abs(v) >= 0.01 || v == 0 || !Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.3e", v);
    }

    /** A duration as "42s", "3m05s" or "2h07m"; "?" when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
