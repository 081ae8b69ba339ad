package dev.plinth.testkit;

import java.io.Serial;

/** The test server could not be started or used; the message says what was missing. */
public final class TestkitException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    TestkitException(String message) {
        super(message);
    }

    TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
