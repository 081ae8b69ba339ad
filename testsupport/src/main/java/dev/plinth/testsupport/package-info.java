/**
 * What the tests of every Plinth module share: the shared corpus beside the project ({@link RequiresCorpus}) and
 * hostile files for robustness tests ({@link HostileFiles}).
 */
@Export
@Version("0.1.0")
@NullMarked
package dev.plinth.testsupport;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
