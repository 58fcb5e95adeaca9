package backprop.data;

import java.util.List;

/**
 * A classification dataset with the names of its classes: class i of the one-hot targets is called
 * {@code classNames.get(i)}.
 */
public record LabeledDataset(Dataset data, List<String> classNames) {

    public LabeledDataset {
        classNames = List.copyOf(classNames);
        if (data.outputs() != classNames.size()) {
            throw new IllegalArgumentException("dataset has " + data.outputs() + " target columns but "
                    + classNames.size() + " class names");
        }
    }
}
