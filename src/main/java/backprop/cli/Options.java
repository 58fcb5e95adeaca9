package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.Experiments;
import backprop.fast.RowPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words after a command: positional arguments and {@code --name value} options ({@code --name=value}
 * too); flags take no value. Anything unknown is a {@link UsageException}.
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

    /** Sets the pool's thread count from {@code --threads}, if given. */
    void applyThreads() {
        Integer threads = integer("threads");
        if (threads != null) {
            if (threads < 1) {
                throw new UsageException("--threads " + threads + ": expected 1 or more");
            }
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

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String string(String name) {
        return values.get(name);
    }

    Integer integer(String name) {
        return parse(name, Integer::parseInt, "a whole number");
    }

    Long longValue(String name) {
        return parse(name, Long::parseLong, "a whole number");
    }

    Double number(String name) {
        return parse(name, Double::parseDouble, "a number");
    }

    /** The option's value read by {@code reader}, null when absent; a value it cannot read is a usage error. */
    private <T> T parse(String name, java.util.function.Function<String, T> reader, String expected) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return reader.apply(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + v + ": expected " + expected);
        }
    }

    /** A comma-separated list of whole numbers, e.g. {@code --hidden 200,80}. */
    List<Integer> integers(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " " + v + ": expected whole numbers separated by commas");
            }
        }
        return out;
    }

    /** A comma-separated list of words. */
    List<String> words(String name) {
        String v = values.get(name);
        return v == null ? null : List.of(v.split(","));
    }
}
