package dev.plinth.core.runtime.interop;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A function one resource offers to the others ({@code mc.export(name, fn)} in Lua), registered as a service
 * through the exporting resource's own bundle so it disappears when that resource stops. Other resources find it
 * by the service properties {@value #RESOURCE} and {@value #NAME} ({@code mc.import(resource, name)}); any language
 * host (Lua, JavaScript, WebAssembly) or Java plugin can register or call one.
 *
 * <p>Arguments and results are plain values: {@code null}, {@code String}, {@code Number}, {@code Boolean}, and
 * {@code List} or {@code Map} (string keys) of those. Thread rule: called on the caller's thread; the exporting host
 * serializes calls into its resource.
 */
@ConsumerType
@FunctionalInterface
public interface ExportedFunction {

    /** Service property: the name of the exporting resource. */
    String RESOURCE = "plinth.export.resource";
    /** Service property: the function's name. */
    String NAME = "plinth.export.name";

    /**
     * Calls the function.
     *
     * @param arguments plain values
     * @return its results, plain values
     * @throws RuntimeException when the function fails; the message names the resource, file and line
     */
    List<@Nullable Object> call(List<@Nullable Object> arguments);
}
