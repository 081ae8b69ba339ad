/**
 * The file boundary of a resource: every file a resource reads or writes is resolved by its real path (symbolic links
 * followed) and must stay inside the resource's own folder or data folder; files it writes have a size quota.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.sandbox.files;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
