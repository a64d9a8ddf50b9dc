package io.fcn.persistence.migration;

/** One migration applied ({@link Direction#UP}) or undone ({@link Direction#DOWN}), with the time it took. */
public record StepResult(Direction direction, String version, String description, long millis) {

    public enum Direction {
        UP, DOWN
    }
}
