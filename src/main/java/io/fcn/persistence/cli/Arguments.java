package io.fcn.persistence.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: the command, its positional arguments, {@code --name value} options and
 * {@code --flag}s. Each option is checked against the set the command accepts.
 */
final class Arguments {

    /** Options that take a value; everything else starting with {@code --} is a flag. */
    private static final Set<String> VALUED = Set.of("url", "user", "password-file", "target", "steps", "version",
            "dir", "rollback-dir", "batch", "embedded");
    private static final Set<String> FLAGS = Set.of("json", "to-base", "undo", "help");

    private final String command;
    private final List<String> positional;
    private final Map<String, String> options;

    private Arguments(String command, List<String> positional, Map<String, String> options) {
        this.command = command;
        this.positional = positional;
        this.options = options;
    }

    static Arguments parse(String[] args) {
        String command = null;
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (VALUED.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                } else if (FLAGS.contains(name)) {
                    if (value != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    value = "true";
                } else {
                    throw new UsageException("unknown option --" + name);
                }
                if (options.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else if (command == null) {
                command = arg;
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(command, List.copyOf(positional), options);
    }

    String command() {
        return command;
    }

    List<String> positional() {
        return positional;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<Integer> positiveInt(String name) {
        return option(name).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a positive whole number, got " + v);
            }
        });
    }

    /** Fails unless every option given is one of the connection options or {@code allowed}. */
    void allowOnly(Set<String> allowed, int maxPositional) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name) && !CONNECTION.contains(name) && !name.equals("json")
                    && !name.equals("help")) {
                throw new UsageException(command + " does not take --" + name);
            }
        }
        if (positional.size() > maxPositional) {
            throw new UsageException(command + ": unexpected argument " + positional.get(maxPositional));
        }
    }

    static final Set<String> CONNECTION = Set.of("url", "user", "password-file", "embedded");
}
