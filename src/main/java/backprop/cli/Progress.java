package backprop.cli;

import backprop.training.EpochListener;
import backprop.training.EpochRecord;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr for runs longer than a second: one bar per epoch with the batches done, the running
 * loss, samples per second and the time left, then a line with the epoch's figures. Runs of many short
 * epochs (full-batch training) print an epoch line at most twice a second.
 */
final class Progress implements EpochListener {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long BAR_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 500_000_000L;

    private final PrintStream err;
    private final String label;
    private final int epochs;
    private final long start = System.nanoTime();
    private long epochStart = start;
    private long lastBar;
    private long lastLine;
    private boolean barShown;

    Progress(PrintStream err, String label, int epochs) {
        this.err = err;
        this.label = label;
        this.epochs = epochs;
    }

    @Override
    public void batchEnded(BatchProgress p) {
        int batch = p.batch();
        int batches = p.batches();
        long now = System.nanoTime();
        if (batch == 1) {
            epochStart = now;
        }
        if (now - start < QUIET_NANOS || now - lastBar < BAR_NANOS || batches < 2 || batch < 2) {
            return;
        }
        lastBar = now;
        double seconds = (now - epochStart) / 1e9;
        double rate = p.samplesDone() / Math.max(seconds, 1e-9);
        double left = seconds / batch * (batches - batch);
        int width = 24;
        int filled = (int) Math.round((double) width * batch / batches);
        String accuracy = Double.isNaN(p.runningAccuracy()) ? ""
                : String.format(Locale.ROOT, "  accuracy %.1f%%", 100 * p.runningAccuracy());
        err.printf(Locale.ROOT, "\r%s epoch %d/%d [%s%s] %d/%d batches  loss %.4f%s  %,.0f samples/s  ETA %.1fs ",
                label, p.epoch(), epochs, "#".repeat(filled), ".".repeat(width - filled), batch, batches,
                p.runningLoss(), accuracy, rate, left);
        barShown = true;
    }

    @Override
    public Decision epochEnded(EpochRecord r) {
        long now = System.nanoTime();
        boolean last = r.epoch() == epochs;
        if (now - start < QUIET_NANOS && !barShown) {
            return Decision.CONTINUE;
        }
        if (!barShown && !last && now - lastLine < LINE_NANOS) {
            return Decision.CONTINUE;
        }
        lastLine = now;
        String clear = barShown ? "\r" + " ".repeat(110) + "\r" : "";
        barShown = false;
        err.printf(Locale.ROOT, "%s%s epoch %d/%d  loss %.4f%s%s  %.2fs%n", clear, label, r.epoch(), epochs,
                r.trainLoss(), Double.isNaN(r.trainAccuracy()) ? "" : String.format(Locale.ROOT, "  accuracy %.2f%%",
                        100 * r.trainAccuracy()), Double.isNaN(r.validationAccuracy()) ? ""
                        : String.format(Locale.ROOT, "  validation %.2f%%", 100 * r.validationAccuracy()),
                r.seconds());
        return Decision.CONTINUE;
    }
}
