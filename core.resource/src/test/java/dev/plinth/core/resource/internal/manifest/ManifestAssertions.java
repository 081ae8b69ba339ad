package dev.plinth.core.resource.internal.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.core.resource.ResourceErrorCode;
import dev.plinth.core.resource.descriptor.ManifestException;
import dev.plinth.core.resource.descriptor.ResourceDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Reading manifests in tests, and checking refusals name the file, the line and the field. */
final class ManifestAssertions {

    private ManifestAssertions() {}

    static ResourceDescriptor read(MemoryFiles files) {
        return Manifests.read(files).orElseThrow(() -> new AssertionError("no manifest found"));
    }

    /** The warnings about keys a valid manifest holds and Plinth does not read. */
    static List<String> warnings(MemoryFiles files) {
        var warnings = new ArrayList<String>();
        Manifests.read(files, warnings::add).orElseThrow(() -> new AssertionError("no manifest found"));
        return warnings;
    }

    static ManifestException refused(MemoryFiles files, ResourceErrorCode code, String file, int line, String field) {
        var e = assertThrows(ManifestException.class, () -> Manifests.read(files));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line().orElse(0), e.getMessage());
        assertEquals(field, e.field().orElse(""), e.getMessage());
        assertTrue(e.getMessage().startsWith(code + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(file + (line > 0 ? " line " + line : "")), e.getMessage());
        return e;
    }
}
