package io.fcn.persistence.cli;

/** Bad command-line arguments: the message says which; exit 2 with a pointer to the command's help. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
