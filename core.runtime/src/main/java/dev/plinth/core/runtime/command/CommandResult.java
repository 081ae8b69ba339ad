package dev.plinth.core.runtime.command;

/** What became of a command line. */
public enum CommandResult {
    /** The handler ran and returned normally. */
    EXECUTED,
    /** No command has that name. */
    UNKNOWN,
    /** The sender lacks the command's permission. */
    DENIED,
    /** The handler threw: the sender was told why. */
    FAILED
}
