/**
 * Items and status effects as values: {@link dev.plinth.core.runtime.item.ItemStack} and
 * {@link dev.plinth.core.runtime.item.Effect}.
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.core.runtime.item;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
