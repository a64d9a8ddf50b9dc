package io.fcn.persistence.migration;

/**
 * One migration applied ({@link Direction#UP}) or undone ({@link Direction#DOWN}), with the time it took.
 *
 * @param direction   applied or undone
 * @param version     the migration's version
 * @param description the migration's description
 * @param millis      how long the step took, in milliseconds
 */
public record StepResult(Direction direction, String version, String description, long millis) {

    /** Applied or undone. */
    public enum Direction {
        /** Applied ({@code migrate}). */
        UP,
        /** Undone by its rollback script ({@code undo}). */
        DOWN
    }
}
