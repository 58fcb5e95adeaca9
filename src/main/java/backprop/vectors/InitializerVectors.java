package backprop.vectors;

import backprop.layers.Dense;
import backprop.layers.Initializer;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code initializers.json}: every initialiser filling a layer's W and then its b, bit-exact. */
final class InitializerVectors {

    private InitializerVectors() {
    }

    static Map<String, Object> build() {
        Map<String, Object> file = Encoding.header("initializers",
                "every initialiser filling a dense layer's W (fan_in×fan_out, row by row) and then its b "
                        + "(1×fan_out) from one generator started at seed; both drawn with the layer's fan_in "
                        + "and fan_out. initializer: {type: zeros | constant (c) | normal (sigma) | uniform (a) | "
                        + "xavier | he}",
                Encoding.tolerances("all", 0.0));
        List<Initializer> all = List.of(Initializer.zeros(), Initializer.constant(0.25), Initializer.normal(0.01),
                Initializer.normal(1.0), Initializer.uniform(0.001), Initializer.xavier(), Initializer.he());
        List<Object> cases = new ArrayList<>();
        int[][] shapes = {{3, 4}, {5, 2}};
        for (Initializer init : all) {
            for (int k = 0; k < shapes.length; k++) {
                long seed = 11 + k;
                Dense d = new Dense("dense1", shapes[k][0], shapes[k][1], init, init, new SplitMix64(seed));
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("initializer", Encoding.initializer(init));
                c.put("seed", seed);
                c.put("fan_in", shapes[k][0]);
                c.put("fan_out", shapes[k][1]);
                Encoding.putExact(c, "W", d.weights().value());
                Encoding.putExact(c, "b", d.bias().value());
                cases.add(c);
            }
        }
        file.put("cases", cases);
        return file;
    }
}
