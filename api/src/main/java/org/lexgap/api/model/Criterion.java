package org.lexgap.api.model;

/**
 * One criterion of a model-law edition.
 *
 * @param id                   stable id, for example {@code simple_possession}
 * @param number               its number in the edition (1-based)
 * @param edition              the edition, for example {@code 8}
 * @param question             the question as the Global Review asks it
 * @param recommendation       what the model law asks a statute to contain, in our own words
 * @param recommendationSource where the recommendation is documented
 */
public record Criterion(String id, int number, String edition, String question, String recommendation,
                        String recommendationSource) {
}
