package backprop.experiments;

import backprop.data.CsvColumns;
import backprop.data.Dataset;
import java.util.List;

/**
 * An experiment's data as its run splits it, before any input transform: the part it trains on (validation
 * rows included, if it holds some out), the part it tests on, and what they are.
 *
 * @param train      the training part, raw
 * @param test       the test part, raw
 * @param classNames the name of each class, in target order (empty for regression)
 * @param dataName   what the data is called in titles and file names, e.g. {@code mnist} or
 *                   {@code fashion-mnist}
 * @param csv        how a CSV's columns were read, or null when the data is no labelled CSV
 * @param testSource where the test rows come from, in words (file and split)
 */
public record Parts(Dataset train, Dataset test, List<String> classNames, String dataName, CsvColumns csv,
        String testSource) {

    /**
     * Copies the class names.
     *
     * @param train      the training part, raw
     * @param test       the test part, raw
     * @param classNames the name of each class, in target order (empty for regression)
     * @param dataName   what the data is called in titles and file names
     * @param csv        how a CSV's columns were read, or null
     * @param testSource where the test rows come from, in words
     */
    public Parts {
        classNames = List.copyOf(classNames);
    }
}
