/**
 * The Lexgap fact model: the law as data (jurisdictions, instruments, provisions and their legal elements), the
 * model law (editions and criteria), and the results (findings, assessments, gap analyses).
 *
 * <p>These records are what a pack's DRL rules see. They are immutable; rules derive new facts by inserting
 * {@link org.lexgap.api.model.Finding}s, never by changing the law.
 */
@Export
@Version("1.3.0")
package org.lexgap.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
