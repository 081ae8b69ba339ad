package dev.plinth.itest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.ResourceException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the resource manager's refusals, shared by the tests of the manager and of the language hosts. */
public final class ResourceAssertions {

    private ResourceAssertions() {}

    /**
     * Asserts that a call fails with a resource exception of a code, its message starting with the code.
     *
     * @param code the expected code
     * @param call the call
     * @return the exception, for more assertions
     */
    public static ResourceException assertCode(ResourceErrorCode code, Executable call) {
        var e = assertThrows(ResourceException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith(code + ": "), e.getMessage());
        return e;
    }
}
