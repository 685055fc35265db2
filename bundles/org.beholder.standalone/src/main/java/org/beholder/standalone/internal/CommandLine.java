package org.beholder.standalone.internal;

import java.nio.file.Path;

/** The parsed command line. Unknown or incomplete options are errors, never ignored. */
record CommandLine(Path config, Integer port, String host, Path data, boolean demo, boolean hashPassword,
        boolean help) {

    static final String USAGE = """
            usage: java -jar beholder.jar [--config beholder.yml] [--port N] [--host ADDR] [--data DIR] [--demo]
                   java -jar beholder.jar --hash-password   (reads a password, prints a hash for 'users:')
              --config FILE  YAML configuration (see docs/reference/standalone-config.md)
              --port N       HTTP port (default 8080; 0 picks a free one)
              --host ADDR    address to listen on (default 127.0.0.1: this machine only)
              --data DIR     recordings and state (default ./data next to the config)
              --demo         three simulated cameras and a user 'demo' with a random password""";

    static CommandLine parse(String[] args) {
        Path config = null;
        Integer port = null;
        String host = null;
        Path data = null;
        boolean demo = false;
        boolean hash = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--port" -> port = port(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--data" -> data = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--demo" -> demo = true;
                case "--hash-password" -> hash = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new CommandLine(config, port, host, data, demo, hash, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0..65535, was '" + text + "'");
        }
    }
}
