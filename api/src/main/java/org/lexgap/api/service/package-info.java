/**
 * Services the Lexgap core registers in the OSGi service registry: the pack registry, the evaluator, the
 * report renderer and the pack toolkit used by authors.
 */
@Export
@Version("1.1.0")
package org.lexgap.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
