package io.fcn.persistence.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} on the root and on each command, as a mixin rather than an inherited option: picocli's
 * {@code help} command declares its own {@code -h}, which an inherited one would clash with.
 */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
