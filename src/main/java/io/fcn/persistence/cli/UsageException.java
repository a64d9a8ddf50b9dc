package io.fcn.persistence.cli;

/** Bad command-line arguments: the message says which, the usage follows. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
