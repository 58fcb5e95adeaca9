package backprop.training;

import backprop.layers.Parameter;
import java.util.ArrayList;
import java.util.List;

/** One zero-initialised matrix per parameter (a velocity or a moment), made at the first step. */
final class OptimizerState {

    private final String owner;
    private List<Parameter> parameters;
    private List<double[][]> state;

    OptimizerState(String owner) {
        this.owner = owner;
    }

    List<double[][]> forParameters(List<Parameter> current) {
        if (state == null) {
            parameters = List.copyOf(current);
            state = new ArrayList<>();
            for (Parameter p : current) {
                state.add(new double[p.value().length][p.value()[0].length]);
            }
        } else if (!parameters.equals(current)) {
            throw new IllegalStateException(owner + ": this optimiser already holds state for other parameters; "
                    + "make a new optimiser for each network");
        }
        return state;
    }
}
