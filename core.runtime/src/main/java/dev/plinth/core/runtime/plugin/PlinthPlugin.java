package dev.plinth.core.runtime.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares the bundle a resource: put it on one class of a Java plugin and bnd writes the capability
 * {@code plinth.resource;plinth.resource=<name>;version:Version=<version>} into the manifest, which is the
 * resource's identity for the resource manager and for the dependencies of other resources
 * ({@link RequiresResource}).
 *
 * <pre>{@code
 * @PlinthPlugin(name = "hello", version = "1.0.0")
 * @Component
 * public final class HelloPlugin implements Plugin { ... }
 * }</pre>
 *
 * A build-time annotation: it leaves nothing in the class files.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Capability(namespace = PlinthPlugin.NAMESPACE, name = "${#name}", version = "${#version}")
public @interface PlinthPlugin {

    /** The capability namespace of resources. */
    String NAMESPACE = "plinth.resource";

    /**
     * The resource's name: lower-case letters, digits, {@code _}, {@code -} and {@code .}, at most 64 characters.
     *
     * @return the name
     */
    String name();

    /**
     * The resource's version, an OSGi version such as {@code 1.2.0}.
     *
     * @return the version
     */
    String version();
}
