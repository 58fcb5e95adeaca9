package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.Experiments;
import backprop.experiments.TrainingChoices;
import backprop.fast.RowPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words after a command: positional arguments and {@code --name value} options ({@code --name=value}
 * too); flags take no value. Anything unknown, and any value that cannot be read or is out of its range
 * (checked here for every command, by the option's name: see {@link #check}), is a {@link UsageException}.
 */
final class Options {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Thrown for a command line that cannot be understood; exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    o.values.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    check(name, value);
                    o.values.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    /**
     * Checks one option's value by the option's name, whichever command takes it: numbers must be numbers
     * in range, lists must have no empty entries, names must name something.
     */
    static void check(String name, String value) {
        String v = value.strip();
        switch (name) {
            case "threads" -> {
                int processors = Runtime.getRuntime().availableProcessors();
                whole(name, v, 1, processors, "1 to " + processors + " (the processors of this machine)");
            }
            case "epochs" -> whole(name, v, 0, Integer.MAX_VALUE, "a whole number of epochs, 0 (untrained) or more");
            case "batch" -> {
                if (!v.equals("full")) {
                    whole(name, v, 1, Integer.MAX_VALUE, "1 or more samples per step, or 'full' for the whole "
                            + "training set");
                }
            }
            case "entries" -> whole(name, v, 0, Integer.MAX_VALUE, "0 (none) or more entries per parameter");
            case "directional" -> whole(name, v, 0, Integer.MAX_VALUE, "0 (none) or more random directions");
            case "patience" -> whole(name, v, 0, Integer.MAX_VALUE, "0 (never stop early) or more epochs");
            case "halve-every" -> whole(name, v, 1, Integer.MAX_VALUE, "1 or more epochs");
            case "shift" -> whole(name, v, 0, TrainingChoices.MAX_SHIFT, "0 to " + TrainingChoices.MAX_SHIFT
                    + " pixels");
            case "seed" -> {
                if (!WHOLE.matcher(v).matches() || !fitsLong(v)) {
                    throw bad(name, value, "a whole number (a 64-bit seed)");
                }
            }
            case "lr", "threshold" -> {
                double x = decimal(name, v);
                if (!(x > 0) || Double.isInfinite(x)) {
                    throw bad(name, value, "a number greater than 0");
                }
            }
            case "l2" -> {
                double x = decimal(name, v);
                if (!(x >= 0) || Double.isInfinite(x)) {
                    throw bad(name, value, "a number, 0 or more");
                }
            }
            case "validation" -> {
                double x = decimal(name, v);
                if (!(x > 0 && x < 1)) {
                    throw bad(name, value, "a fraction between 0 and 1, such as 0.1");
                }
            }
            case "scale" -> scale(name, value);
            case "hidden" -> widths(name, value);
            case "optimizer" -> {
                if (!TrainingChoices.OPTIMIZERS.contains(v)) {
                    throw bad(name, value, "one of " + String.join(", ", TrainingChoices.OPTIMIZERS));
                }
            }
            case "init" -> {
                try {
                    TrainingChoices.initializer(v);
                } catch (IllegalArgumentException e) {
                    throw bad(name, value, "he, xavier, zeros, normal:SIGMA or uniform:A");
                }
            }
            case "ignore" -> {
                for (String part : value.split(",", -1)) {
                    if (part.isBlank()) {
                        throw bad(name, value, "column names separated by commas, none empty");
                    }
                }
            }
            default -> {
                if (v.isEmpty()) {
                    throw new UsageException("--" + name + " is empty; expected a value");
                }
            }
        }
    }

    private static UsageException bad(String name, String value, String expected) {
        return new UsageException("--" + name + " " + (value.isEmpty() ? "''" : value) + ": expected " + expected);
    }

    private static int whole(String name, String v, int min, int max, String expected) {
        if (!WHOLE.matcher(v).matches()) {
            throw bad(name, v, expected);
        }
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) {
                throw bad(name, v, expected);
            }
            return x;
        } catch (NumberFormatException e) {
            throw bad(name, v, expected);
        }
    }

    private static boolean fitsLong(String v) {
        try {
            Long.parseLong(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double decimal(String name, String v) {
        if (!DECIMAL.matcher(v).matches()) {
            throw bad(name, v, "a number such as 0.001 or 1e-3");
        }
        return Double.parseDouble(v);
    }

    /** A number or a fraction such as 1/255, finite and not 0. */
    private static double scale(String name, String value) {
        String v = value.strip();
        String expected = "a number other than 0, or a fraction such as 1/255";
        double x;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            String top = v.substring(0, slash).strip();
            String bottom = v.substring(slash + 1).strip();
            if (!DECIMAL.matcher(top).matches() || !DECIMAL.matcher(bottom).matches()) {
                throw bad(name, value, expected);
            }
            x = Double.parseDouble(top) / Double.parseDouble(bottom);
        } else {
            if (!DECIMAL.matcher(v).matches()) {
                throw bad(name, value, expected);
            }
            x = Double.parseDouble(v);
        }
        if (x == 0 || !Double.isFinite(x)) {
            throw bad(name, value, expected);
        }
        return x;
    }

    /** Hidden widths: whole numbers ≥ 1 separated by commas, or {@code none}. */
    private static List<Integer> widths(String name, String value) {
        String expected = "widths of 1 or more separated by commas, such as 200,80 (or 'none')";
        List<Integer> out = new ArrayList<>();
        if (value.strip().equals("none")) {
            return out;
        }
        for (String part : value.split(",", -1)) {
            try {
                out.add(whole(name, part.strip(), 1, Integer.MAX_VALUE, expected));
            } catch (UsageException e) {
                throw bad(name, value, expected);
            }
        }
        return out;
    }

    List<String> positional() {
        return positional;
    }

    /** Throws a usage error when any positional argument was given to {@code command}. */
    void noPositional(String command) {
        if (!positional.isEmpty()) {
            throw new UsageException(command + " takes no positional arguments, but was given '" + positional.get(0)
                    + "'");
        }
    }

    /** Sets the pool's thread count from {@code --threads}, if given (checked: 1 to the processors). */
    void applyThreads() {
        Integer threads = integer("threads");
        if (threads != null) {
            RowPool.setThreads(threads);
        }
    }

    /** The experiment called {@code name}, or a usage error that says how to list them. */
    static Experiment experiment(String name) {
        Experiment e = Experiments.named(name);
        if (e == null) {
            throw new UsageException("unknown experiment '" + name + "'; 'list' shows them");
        }
        return e;
    }

    /** @return the names of the options given, in order */
    Set<String> given() {
        return values.keySet();
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String string(String name) {
        return values.get(name);
    }

    Integer integer(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        return whole(name, v.strip(), Integer.MIN_VALUE, Integer.MAX_VALUE, "a whole number");
    }

    Long longValue(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!WHOLE.matcher(v.strip()).matches() || !fitsLong(v.strip())) {
            throw bad(name, v, "a whole number");
        }
        return Long.parseLong(v.strip());
    }

    Double number(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        return name.equals("scale") ? scale(name, v) : decimal(name, v.strip());
    }

    /** A comma-separated list of whole numbers, e.g. {@code --hidden 200,80}; {@code none} for an empty list. */
    List<Integer> integers(String name) {
        String v = values.get(name);
        return v == null ? null : widths(name, v);
    }

    /** A comma-separated list of words. */
    List<String> words(String name) {
        String v = values.get(name);
        return v == null ? null : List.of(v.split(",", -1)).stream().map(String::strip).toList();
    }
}
