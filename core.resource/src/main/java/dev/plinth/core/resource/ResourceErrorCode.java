package dev.plinth.core.resource;

/**
 * Why a resource operation failed. The constant names are stable strings shown to users and returned to scripts
 * ({@code Resource.Start(name)} returns {@code "ERR_NOT_FOUND"}); never rename one.
 */
public enum ResourceErrorCode {
    /** No resource of that name is deployed. */
    ERR_NOT_FOUND,
    /** Start of a resource that is already started. */
    ERR_ALREADY_STARTED,
    /** Stop of a resource that is not started. */
    ERR_ALREADY_STOPPED,
    /** A dependency (a resource, the server or game version, a language host) is not installed or not in range. */
    ERR_DEPENDENCY_MISSING,
    /** The caller may not do this: a resource without an admin grant, or a path leaving the resource. */
    ERR_PERMISSION_DENIED,
    /** The start did not finish within the start timeout. */
    ERR_START_TIMEOUT,
    /** The stop did not finish within the stop timeout. */
    ERR_STOP_TIMEOUT,
    /** A resource or dependency name that is not a valid name. */
    ERR_INVALID_NAME,
    /** A resource name longer than {@link ResourceService#MAX_NAME_LENGTH} characters. */
    ERR_NAME_TOO_LONG,
    /** Resources that depend on each other in a circle. */
    ERR_DEPENDENCY_CYCLE,
    /** A Plinth bundle or the {@code server} resource: not under the resource lifecycle. */
    ERR_SYSTEM_RESOURCE,
    /** Another lifecycle operation on the resource is still in progress. */
    ERR_RESOURCE_LOCKED,
    /** The resource's code failed while starting or stopping. */
    ERR_SCRIPT_EXECUTION,
    /** A restart with new content failed; the previous content was put back and started again. */
    ERR_RESTART_ROLLBACK_APPLIED,
    /** A restart with new content failed, and so did putting the previous content back. */
    ERR_RESTART_ROLLBACK_FAILED,
    /** A lifecycle operation asked for from inside a handler the server runs deterministically. */
    ERR_DETERMINISTIC_POLICY,
    /**
     * A manifest that cannot be read: a syntax error, a field of the wrong kind, an unknown value, more than
     * {@link ResourceService#MAX_DEPENDENCIES} dependencies. Plinth's addition to the codes of the design documents.
     */
    ERR_INVALID_MANIFEST,
    /** A resource or package of that name exists already ({@code Resource.CreateMapPackage}). */
    ERR_ALREADY_EXISTS
}
