package backprop.data;

import java.util.List;

/**
 * How a labelled CSV's columns were read, so that a saved model can read new files the same way: which
 * column held the label, which were left out, and which became the features, in order.
 *
 * @param label    the label column's name
 * @param ignore   columns left out
 * @param features the feature columns, in the order of the network's inputs
 */
public record CsvColumns(String label, List<String> ignore, List<String> features) {

    /**
     * Copies the lists and checks that the label is named.
     *
     * @param label    the label column's name, not blank
     * @param ignore   columns left out
     * @param features the feature columns, in the order of the network's inputs
     */
    public CsvColumns {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("CSV columns: the label column has no name");
        }
        ignore = List.copyOf(ignore);
        features = List.copyOf(features);
    }
}
