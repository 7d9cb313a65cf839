package org.lexgap.bench;

import java.util.List;

import org.lexgap.api.model.Status;

/**
 * One cell as the references decide it: the status, the provisions cited (MET by rules), and what decided it
 * ({@code rules}, {@code interpretation: ID}, {@code unassessed}).
 */
public record Verdict(String criterion, Status status, List<String> evidence, String decidedBy) {
}
