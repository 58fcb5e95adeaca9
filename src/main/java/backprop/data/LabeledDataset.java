package backprop.data;

import java.util.List;

/**
 * A classification dataset with the names of its classes: class i of the one-hot targets is called
 * {@code classNames.get(i)}.
 *
 * @param data       the samples and their one-hot targets
 * @param classNames the name of each class, one per target column
 */
public record LabeledDataset(Dataset data, List<String> classNames) {

    /**
     * Copies the class names and checks that there is one per target column.
     *
     * @param data       the samples and their one-hot targets
     * @param classNames the name of each class, one per target column
     */
    public LabeledDataset {
        classNames = List.copyOf(classNames);
        if (data.outputs() != classNames.size()) {
            throw new IllegalArgumentException("dataset has " + data.outputs() + " target columns but "
                    + classNames.size() + " class names");
        }
    }
}
