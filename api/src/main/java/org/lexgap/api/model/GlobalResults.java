package org.lexgap.api.model;

/**
 * The headline counts an edition of the Global Review published for all the countries it reviewed, so that a
 * regional count can be read beside the global one. The categories are those of the review's results tables.
 *
 * @param countriesReviewed         how many countries the edition reviewed
 * @param sufficient                countries meeting at least criteria 1-4 ("legislation sufficient to combat child
 *                                  pornography offenses")
 * @param firstFive                 countries meeting criteria 1-5
 * @param sufficientNotIspReporting countries meeting criteria 1-4 but not ISP reporting
 * @param noSpecificLegislation     countries with no legislation specifically addressing child pornography
 * @param dataRetention             countries with data retention provisions (broadly), or {@code null} when the
 *                                  edition did not count them
 * @param noDefinition              of the countries with specific legislation, those not defining the material
 * @param noComputerFacilitated     of those, not providing for computer-facilitated offences
 * @param noSimplePossession        of those, not criminalising knowing possession
 * @param source                    the published review, by title, edition, year and table
 * @param verified                  whether the figures were checked against that source
 */
public record GlobalResults(int countriesReviewed, int sufficient, int firstFive, int sufficientNotIspReporting,
                            int noSpecificLegislation, Integer dataRetention, int noDefinition,
                            int noComputerFacilitated, int noSimplePossession, String source, boolean verified) {
}
