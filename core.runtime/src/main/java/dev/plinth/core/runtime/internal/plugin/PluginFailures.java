package dev.plinth.core.runtime.internal.plugin;

import dev.plinth.core.runtime.internal.owner.Owner;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Words a failed plugin's cause on one line, as the resource manager shows it: the resource, the file and line of
 * the plugin's own code where the failure began, and the exception ({@code hello: HelloPlugin.java:64: onEnable
 * failed: IllegalStateException: no greeting}). A component that could not be created is described by what
 * Declarative Services recorded of it.
 *
 * <p>Thread-safe; called on failure paths only (it loads classes to find the plugin's frames).
 */
final class PluginFailures {

    /** Exceptions that only carry the cause: {@code ComponentException: ... Caused by: ConfigParseException}. */
    private static final List<String> WRAPPERS = List.of("java.lang.reflect.InvocationTargetException",
            "org.osgi.service.component.ComponentException", "org.osgi.framework.ServiceException",
            "java.lang.reflect.UndeclaredThrowableException", "org.apache.felix.log.LogException");

    private final ServiceComponentRuntime components;

    PluginFailures(ServiceComponentRuntime components) {
        this.components = components;
    }

    /** Why {@code onEnable} failed. */
    String onEnable(Owner owner, Bundle bundle, Throwable failure) {
        return owner + ": " + where(bundle, failure).map(w -> w + ": ").orElse("") + "onEnable failed: " + describe(failure);
    }

    /** Why a plugin component registered as a service could not be created. */
    String activation(Bundle bundle) {
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION && configuration.failure != null) {
                    return Owner.of(bundle) + ": its component " + description.name + " could not be created: "
                            + rootCause(configuration.failure);
                }
            }
        }
        return Owner.of(bundle) + ": its plugin component could not be created (the log says why)";
    }

    /**
     * The cause a stack trace recorded by Declarative Services names first, past the wrappers of reflection and of
     * the framework: its exception's simple name and its message.
     */
    private static String rootCause(String trace) {
        List<String> causes = trace.lines().filter(line -> !line.startsWith("\t") && !line.startsWith(" "))
                .map(line -> line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line).toList();
        String cause = causes.stream().filter(line -> WRAPPERS.stream().noneMatch(line::startsWith)).findFirst()
                .orElse(causes.isEmpty() ? trace : causes.getLast());
        int colon = cause.indexOf(": ");
        String type = colon < 0 ? cause : cause.substring(0, colon);
        return type.substring(type.lastIndexOf('.') + 1) + (colon < 0 ? "" : cause.substring(colon));
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The file and line of the first frame, in the failure or its causes, that is the plugin bundle's own code. */
    private static Optional<String> where(Bundle bundle, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getFileName() != null && frame.getLineNumber() > 0 && belongsTo(bundle, frame.getClassName())) {
                    return Optional.of(frame.getFileName() + ":" + frame.getLineNumber());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean belongsTo(Bundle bundle, String className) {
        try {
            return bundle.equals(FrameworkUtil.getBundle(bundle.loadClass(className)));
        } catch (ClassNotFoundException | IllegalStateException e) {
            return false;
        }
    }
}
