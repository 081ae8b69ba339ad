package dev.plinth.core.runtime.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that a plugin needs another resource in a version range: bnd writes the requirement
 * {@code plinth.resource;filter:="(&(plinth.resource=<name>)(version>=<min>)(!(version>=<max>)))"}, so the
 * framework resolves the plugin only when such a resource is there, and starts it after that resource.
 *
 * <pre>{@code
 * @RequiresResource(name = "economy", min = "1.0.0", max = "2.0.0")
 * }</pre>
 *
 * Repeat it for each dependency. A build-time annotation: it leaves nothing in the class files.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(RequiresResources.class)
@Requirement(namespace = PlinthPlugin.NAMESPACE,
        filter = "(&(plinth.resource=${#name})(version>=${#min})"
                + "(!(version>=${if;${#max};${#max};${versionmask;+00;${#min}}})))")
public @interface RequiresResource {

    /**
     * The name of the resource needed.
     *
     * @return the name
     */
    String name();

    /**
     * The lowest version accepted (inclusive).
     *
     * @return an OSGi version; {@code 0.0.0} by default
     */
    String min() default "0.0.0";

    /**
     * The first version no longer accepted (exclusive).
     *
     * @return an OSGi version; empty (the default) for the next major version after {@link #min()}
     */
    String max() default "";
}
