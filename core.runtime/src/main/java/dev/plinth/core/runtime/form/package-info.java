/**
 * Forms a player answers on screen: simple (buttons), modal (yes / no) and custom (inputs), and their outcomes.
 */
@Export
@Version("0.2.0")
@NullMarked
package dev.plinth.core.runtime.form;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
