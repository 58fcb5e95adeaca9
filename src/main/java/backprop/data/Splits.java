package backprop.data;

import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** Seeded splits of a dataset into parts. */
public final class Splits {

    private Splits() {
    }

    /**
     * Two parts of a dataset.
     *
     * @param first  the first part
     * @param second the rest
     */
    public record Split(Dataset first, Dataset second) {
    }

    /**
     * A stratified split: within each class, the rows are shuffled with {@code random} and the first
     * round(fraction·count) go to the first part, so both parts keep the class proportions. Classes are
     * taken in index order and each part lists its rows in their original order.
     *
     * @param data     the dataset, classified (its labels are read from the targets)
     * @param fraction the share of each class that goes to the first part, 0 &lt; fraction &lt; 1
     * @param random   shuffles each class
     * @return the two parts, neither empty
     */
    public static Split stratified(Dataset data, double fraction, SplitMix64 random) {
        checkFraction(fraction);
        int[] labels = data.labels();
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        boolean[] inFirst = new boolean[data.size()];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            int[] shuffled = members.stream().mapToInt(Integer::intValue).toArray();
            random.shuffle(shuffled);
            int take = (int) Math.round(fraction * shuffled.length);
            for (int k = 0; k < take; k++) {
                inFirst[shuffled[k]] = true;
            }
        }
        return split(data, inFirst);
    }

    /**
     * A plain random split: a seeded permutation, the first round(fraction·N) rows to the first part.
     *
     * @param data     the dataset
     * @param fraction the share of the rows that goes to the first part, 0 &lt; fraction &lt; 1
     * @param random   draws the permutation
     * @return the two parts, neither empty
     */
    public static Split random(Dataset data, double fraction, SplitMix64 random) {
        checkFraction(fraction);
        int[] order = random.permutation(data.size());
        boolean[] inFirst = new boolean[data.size()];
        int take = (int) Math.round(fraction * data.size());
        for (int k = 0; k < take; k++) {
            inFirst[order[k]] = true;
        }
        return split(data, inFirst);
    }

    /**
     * A random subset of exactly {@code count} rows in the first part, the rest in the second: the first
     * {@code count} entries of a seeded permutation pick the rows (not the first rows of the file), and each
     * part lists its rows in their original order. For splits given in rows, such as document 003's 50,000 /
     * 10,000 (apply twice for a third part).
     *
     * @param data   the dataset
     * @param count  the number of rows in the first part, 0 &lt; count &lt; N
     * @param random draws the permutation
     * @return the two parts
     */
    public static Split randomCount(Dataset data, int count, SplitMix64 random) {
        if (count <= 0 || count >= data.size()) {
            throw new IllegalArgumentException("split of " + data.size() + " rows at " + count
                    + ": expected 0 < count < " + data.size());
        }
        int[] order = random.permutation(data.size());
        boolean[] inFirst = new boolean[data.size()];
        for (int k = 0; k < count; k++) {
            inFirst[order[k]] = true;
        }
        return split(data, inFirst);
    }

    private static Split split(Dataset data, boolean[] inFirst) {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < inFirst.length; i++) {
            (inFirst[i] ? first : second).add(i);
        }
        if (first.isEmpty() || second.isEmpty()) {
            throw new IllegalArgumentException("split of " + data.size() + " rows leaves a part empty ("
                    + first.size() + " and " + second.size() + "); use more data or another fraction");
        }
        return new Split(data.rows(first.stream().mapToInt(Integer::intValue).toArray()),
                data.rows(second.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static void checkFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction " + fraction + ": expected 0 < fraction < 1");
        }
    }
}
