package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.training.EpochListener.BatchProgress;
import backprop.training.EpochRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The progress display as a terminal shows it: the output is played on a small terminal model (carriage
 * return, newline, automatic wrap at the last column) and the screen is read back.
 */
class ProgressTest {

    private static final long MS = 1_000_000L;

    /**
     * A terminal of {@code columns} columns: '\r' goes to column 0, '\n' to the next row, other characters
     * are written at the cursor; a character written when the cursor is past the last column wraps to the
     * next row first (and is counted), as terminals do.
     */
    static final class Screen {
        final int columns;
        final List<StringBuilder> rows = new ArrayList<>();
        int row;
        int column;
        int wraps;

        Screen(int columns) {
            this.columns = columns;
            rows.add(new StringBuilder());
        }

        Screen play(String output) {
            for (char c : output.toCharArray()) {
                if (c == '\r') {
                    column = 0;
                } else if (c == '\n') {
                    newRow();
                } else {
                    if (column == columns) {
                        wraps++;
                        newRow();
                    }
                    StringBuilder r = rows.get(row);
                    while (r.length() <= column) {
                        r.append(' ');
                    }
                    r.setCharAt(column, c);
                    column++;
                }
            }
            return this;
        }

        private void newRow() {
            row++;
            column = 0;
            if (rows.size() == row) {
                rows.add(new StringBuilder());
            }
        }

        /** The rows with their trailing blanks removed, without the empty rows at the end. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (StringBuilder r : rows) {
                lines.add(r.toString().stripTrailing());
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }
    }

    /** A run of {@code epochs} epochs of {@code batches} batches of 256 samples, each batch taking {@code batchMs}. */
    private static final class Run {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicLong clock = new AtomicLong(1_000_000 * MS);
        final Progress progress;
        final int epochs;
        final int batches;

        Run(String label, int epochs, int batches, boolean terminal, int columns) {
            this.epochs = epochs;
            this.batches = batches;
            progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), label, epochs, terminal,
                    columns, clock::get);
        }

        /** Trains epochs {@code from}..{@code to}; every batch takes batchMs; scoring after an epoch 20 ms. */
        Run epochs(int from, int to, long batchMs) {
            for (int e = from; e <= to; e++) {
                for (int b = 1; b <= batches; b++) {
                    clock.addAndGet(batchMs * MS);
                    progress.batchEnded(new BatchProgress(e, b, batches, 256 * b, 2.0 / (e + b), 0.5 + 0.4 * e / (e + 1.0)));
                }
                clock.addAndGet(20 * MS);
                progress.epochEnded(new EpochRecord(e, 1.0 / e, 0.9, 1.1 / e, 0.85, 0.01, batches * batchMs / 1e3));
            }
            return this;
        }

        String output() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** An epoch's line and nothing else: no piece of a bar after it. */
    private static final String EPOCH_LINE = "mnist-leaky epoch \\d+/\\d+  loss \\d\\.\\d{4}[^\\[#]*";

    @ParameterizedTest
    @ValueSource(ints = {80, 120, 60, 40})
    void onATerminalTheLiveLineNeverWrapsAndLeavesNothingBehind(int columns) {
        Run run = new Run("mnist-leaky", 3, 40, true, columns);
        run.clock.addAndGet(1500 * MS);                      // loading the data: past the quiet first second
        run.epochs(1, 3, 30);
        Screen during = new Screen(columns).play(run.output());
        run.progress.close();
        String output = run.output();
        assertThat(output).contains("\r");                   // it did redraw in place
        for (String piece : output.split("[\r\n]")) {
            assertThat(piece.length()).as("'%s'", piece).isLessThan(columns);
        }
        Screen screen = new Screen(columns).play(output);
        assertThat(screen.wraps).isZero();
        // one permanent line per epoch (each took over half a second), nothing else on the screen
        assertThat(screen.lines()).hasSize(3).allSatisfy(line -> assertThat(line).matches(EPOCH_LINE));
        assertThat(screen.column).isZero();
        assertThat(during.wraps).isZero();
        // the bar keeps one width from the first redraw to the last
        List<Integer> bars = new ArrayList<>();
        for (String piece : output.split("[\r\n]")) {
            if (piece.contains("[")) {
                bars.add(piece.indexOf(']') - piece.indexOf('['));
            }
        }
        assertThat(bars).hasSizeGreaterThan(10);
        assertThat(new java.util.HashSet<>(bars)).hasSize(1);
    }

    @Test
    void theLiveLineShowsABarTheBatchesAndTheFigures() {
        Run run = new Run("mnist", 20, 40, true, 120);
        run.clock.addAndGet(1500 * MS);
        run.epochs(1, 1, 30);
        // half-way through epoch 2
        for (int b = 1; b <= 20; b++) {
            run.clock.addAndGet(100 * MS);                   // slow batches: each is drawn
            run.progress.batchEnded(new BatchProgress(2, b, 40, 256 * b, 0.5, 0.875));
        }
        List<String> lines = new Screen(120).play(run.output()).lines();
        String live = lines.get(lines.size() - 1);
        assertThat(live).startsWith("mnist epoch 2/20  [###############---------------]  20/40  loss 0.5000  "
                + "acc 87.50%").contains("/s  left ");
        // the bar keeps its width while the figures after it come and go
        List<Integer> bars = new ArrayList<>();
        for (String piece : run.output().split("[\r\n]")) {
            if (piece.contains("[")) {
                bars.add(piece.indexOf(']') - piece.indexOf('['));
            }
        }
        assertThat(bars).hasSizeGreaterThan(10).containsOnly(31);
        assertThat(lines.get(0)).matches("mnist epoch 1/20  loss 1\\.0000  accuracy 90\\.00%  validation loss "
                + "1\\.1000  validation 85\\.00%  1\\.20s");
    }

    @Test
    void narrowTerminalsKeepTheEssentialsAndDropTheRest() {
        Run run = new Run("mnist", 20, 40, true, 40);
        run.clock.addAndGet(1500 * MS);
        run.epochs(1, 1, 30);
        for (int b = 1; b <= 20; b++) {
            run.clock.addAndGet(100 * MS);                   // slow batches: each is drawn
            run.progress.batchEnded(new BatchProgress(2, b, 40, 256 * b, 0.5, 0.875));
        }
        List<String> lines = new Screen(40).play(run.output()).lines();
        assertThat(lines.get(0)).isEqualTo("mnist epoch 1/20  loss 1.0000");
        // laid out for "epoch 20/20": one column less for the bar than "epoch 2/20" would leave
        assertThat(lines.get(1)).isEqualTo("mnist epoch 2/20  [#########---------]");
    }

    @Test
    void oneBatchPerEpochRunsTheBarOverAllEpochsAndPrintsFewLines() {
        Run run = new Run("iris", 10_000, 1, true, 80);
        run.epochs(1, 10_000, 2);                            // 10,000 epochs of 2 ms + 20 ms scoring: 220 s
        run.progress.close();
        List<String> lines = new Screen(80).play(run.output()).lines();
        // at most one permanent line every five seconds, and the last epoch
        assertThat(lines.size()).isBetween(2, 220 / 5 + 2);
        assertThat(lines.get(lines.size() - 1)).startsWith("iris epoch 10000/10000  loss 1.000e-04");
        List<String> live = new ArrayList<>();
        for (String piece : run.output().split("[\r\n]")) {
            if (piece.contains("[")) {
                live.add(piece);
            }
        }
        assertThat(live.get(0)).matches("iris epoch \\d+/10000  \\[#*-*\\]  loss .*");
        assertThat(live.get(live.size() - 1)).matches("iris epoch 99\\d\\d/10000  \\[#+\\]  loss .*");
    }

    @Test
    void notATerminalPlainLinesAtAModestRateAndNoCarriageReturn() {
        Run run = new Run("iris", 10_000, 1, false, 80);
        run.epochs(1, 10_000, 2);                            // 220 s in all
        run.progress.close();
        String output = run.output();
        assertThat(output).doesNotContain("\r");
        List<String> lines = output.lines().toList();
        assertThat(lines.size()).isBetween(2, 220 / 2 + 2);   // at most one line every two seconds
        assertThat(lines.get(lines.size() - 1)).startsWith("iris epoch 10000/10000  loss");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThan(80));

        Run longEpochs = new Run("mnist-leaky", 2, 400, false, 80);
        longEpochs.epochs(1, 2, 100);                        // 40 s per epoch
        longEpochs.progress.close();
        List<String> log = longEpochs.output().lines().toList();
        assertThat(longEpochs.output()).doesNotContain("\r");
        // a line from within the epoch every ten seconds, and each epoch's line
        assertThat(log).filteredOn(l -> l.contains("batch ")).hasSizeBetween(6, 8);
        assertThat(log).filteredOn(l -> l.matches(EPOCH_LINE)).hasSize(2);
    }

    @Test
    void aRunShorterThanASecondShowsNothing() {
        for (boolean terminal : new boolean[] {true, false}) {
            Run quick = new Run("xor", 10, 4, terminal, 80);
            quick.epochs(1, 10, 5);                          // 10 × (4 × 5 + 20) ms = 0.4 s
            quick.progress.close();
            assertThat(quick.output()).isEmpty();
            Run longer = new Run("xor", 30, 4, terminal, 80);
            longer.epochs(1, 30, 5);                         // 1.2 s
            longer.progress.close();
            assertThat(longer.output()).contains("xor epoch 30/30  loss");
        }
    }

    @Test
    void closeAfterAnEarlyStopPrintsTheLastEpochAndClearsTheLiveLine() {
        Run run = new Run("mnist", 50, 40, true, 80);
        run.clock.addAndGet(1500 * MS);
        run.epochs(1, 7, 3);                                 // 0.14 s epochs: lines at most twice a second
        for (int b = 1; b <= 10; b++) {                      // epoch 8 begun, then training fails
            run.clock.addAndGet(30 * MS);
            run.progress.batchEnded(new BatchProgress(8, b, 40, 256 * b, 0.5, 0.875));
        }
        List<String> before = new Screen(80).play(run.output()).lines();
        assertThat(before.get(before.size() - 1)).startsWith("mnist epoch 8/50  [");
        run.progress.close();
        Screen screen = new Screen(80).play(run.output());
        assertThat(screen.lines()).allSatisfy(line -> assertThat(line).startsWith("mnist epoch ").doesNotContain("["));
        assertThat(screen.lines().get(screen.lines().size() - 1)).startsWith("mnist epoch 7/50  loss 0.1429");
        assertThat(screen.column).isZero();
    }

    @Test
    void closeInTheFirstEpochClearsTheLiveLine() {
        Run run = new Run("mnist", 5, 40, true, 80);
        run.clock.addAndGet(1500 * MS);
        for (int b = 1; b <= 10; b++) {                      // epoch 1 begun, then training fails
            run.clock.addAndGet(30 * MS);
            run.progress.batchEnded(new BatchProgress(1, b, 40, 256 * b, 0.5, 0.875));
        }
        assertThat(new Screen(80).play(run.output()).lines()).hasSize(1);
        run.progress.close();
        Screen screen = new Screen(80).play(run.output());
        assertThat(screen.lines()).isEmpty();
        assertThat(screen.column).isZero();
    }

    /** The display this class replaced, byte for byte in shape: a 118-column bar cleared with 110 blanks. */
    @Test
    void theScreenModelCatchesTheOldDisplay() {
        String bar = "\rmnist epoch 3/20 [############............] 20/40 batches  loss 0.4123  accuracy 89.1%  "
                + "41,000 samples/s  ETA 0.1s ";
        String epochLine = "mnist epoch 3/20  loss 0.4123  accuracy 89.12%  0.19s\n";
        String old = bar + bar + "\r" + " ".repeat(110) + "\r" + epochLine;
        assertThat(bar.length() - 1).isBetween(111, 119);
        Screen at80 = new Screen(80).play(old);
        assertThat(at80.wraps).isPositive();                 // every redraw wraps at 80 columns
        Screen at120 = new Screen(120).play(old);
        assertThat(at120.wraps).isZero();
        assertThat(at120.lines().get(0)).isNotEqualTo(epochLine.strip());   // leftovers of the bar at 120
        assertThat(at120.lines().get(0)).startsWith(epochLine.strip()).endsWith("0.19s" + " ".repeat(57) + "0.1s");
    }

    @Test
    void fittingDropsTheLeastUsefulPartsFirstAndCutsWhatMustStay() {
        List<Progress.Part> parts = List.of(new Progress.Part("label epoch 1/2", 0), Progress.Part.BAR,
                new Progress.Part("loss 0.1", 2), new Progress.Part("1,000/s", 3));
        assertThat(Progress.fit(parts, 200, 0.5)).isEqualTo("label epoch 1/2  [###############---------------]  "
                + "loss 0.1  1,000/s");
        assertThat(Progress.fit(parts, 45, 0.5)).isEqualTo("label epoch 1/2  [########--------]  loss 0.1");
        assertThat(Progress.fit(parts, 38, 0.5)).isEqualTo("label epoch 1/2  [##########---------]");
        assertThat(Progress.fit(parts, 30, 0.5)).isEqualTo("label epoch 1/2  [######-----]");
        assertThat(Progress.fit(parts, 25, 0.5)).isEqualTo("label epoch 1/2");
        assertThat(Progress.fit(parts, 10, 0.5)).isEqualTo("label epoc");
    }

    @Test
    void theWidthComesFromColumnsElseEighty() {
        assertThat(Progress.columns("132")).isEqualTo(132);
        assertThat(Progress.columns(" 60 ")).isEqualTo(60);
        assertThat(Progress.columns(null)).isEqualTo(80);
        assertThat(Progress.columns("wide")).isEqualTo(80);
        assertThat(Progress.columns("0")).isEqualTo(80);
        assertThat(Progress.columns("-5")).isEqualTo(80);
    }

    @Test
    void durationsReadLikeAClock() {
        assertThat(Progress.duration(4.4)).isEqualTo("4s");
        assertThat(Progress.duration(185)).isEqualTo("3m05s");
        assertThat(Progress.duration(7620)).isEqualTo("2h07m");
        assertThat(Progress.duration(Double.NaN)).isEqualTo("?");
    }
}
