package org.lexgap.api.model;

/**
 * What a rule concludes. Rules insert findings; the engine records which rule inserted each one and turns the
 * findings into one {@link Assessment} per criterion.
 *
 * @param jurisdiction jurisdiction code
 * @param criterion    criterion id
 * @param status       {@link Status#MET} or {@link Status#NOT_MET}
 * @param provision    id of the provision relied on, or {@code null} for a finding of absence
 * @param reason       one sentence a legal reader understands
 */
public record Finding(String jurisdiction, String criterion, Status status, String provision, String reason) {
}
