package org.lexgap.core.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lexgap.api.model.Status;

/** One expected outcome from a pack's tests/*.json. */
public record PackTestCase(String file, int line, String name, String jurisdiction, String edition, LocalDate asOf,
                           Map<String, Status> expect, Map<String, List<String>> expectEvidence) {
}
