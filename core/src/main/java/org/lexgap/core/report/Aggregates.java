package org.lexgap.core.report;

import java.util.ArrayList;
import java.util.List;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;

/**
 * The Global Review's headline counts, computed over the jurisdictions of an analysis, in the categories of its
 * "8th Edition Results" and "Comparative Results" slides. Criteria are taken by position (1 to 5, and 6 where the
 * edition has it: the 8th edition's data retention; the 1st to 7th and the 9th have five). A jurisdiction
 * with no data on a criterion a category needs is left out of that category and counted in {@code withNoData}.
 *
 * @param jurisdictions            how many jurisdictions were counted
 * @param sufficient               criteria 1-4 met ("legislation sufficient to combat child pornography")
 * @param firstFive                criteria 1-5 met
 * @param sufficientNotIspReporting criteria 1-4 met but not criterion 5
 * @param noSpecificLegislation    criterion 1 not met
 * @param dataRetention            criterion 6 met, or {@code null} for an edition with five criteria
 * @param withSpecificLegislation  criterion 1 met: the base of the three counts below
 * @param noDefinition             of those, criterion 2 not met
 * @param noComputerFacilitated    of those, criterion 3 not met
 * @param noSimplePossession       of those, criterion 4 not met
 * @param withNoData               jurisdictions with at least one UNKNOWN among criteria 1-6
 * @param names                    which jurisdictions fall in each category, for readers who want the list
 */
public record Aggregates(int jurisdictions, int sufficient, int firstFive, int sufficientNotIspReporting,
                         int noSpecificLegislation, Integer dataRetention, int withSpecificLegislation, int noDefinition,
                         int noComputerFacilitated, int noSimplePossession, int withNoData, Names names) {

    /** The jurisdictions (by name) behind each count. */
    public record Names(List<String> sufficient, List<String> firstFive, List<String> sufficientNotIspReporting,
                        List<String> noSpecificLegislation, List<String> dataRetention, List<String> noDefinition,
                        List<String> noComputerFacilitated, List<String> noSimplePossession) {
    }

    public static Aggregates of(GapAnalysis analysis) {
        List<String> sufficient = new ArrayList<>();
        List<String> firstFive = new ArrayList<>();
        List<String> notIsp = new ArrayList<>();
        List<String> noSpecific = new ArrayList<>();
        List<String> retention = new ArrayList<>();
        List<String> noDefinition = new ArrayList<>();
        List<String> noComputer = new ArrayList<>();
        List<String> noPossession = new ArrayList<>();
        int withSpecific = 0;
        int withNoData = 0;
        for (JurisdictionResult j : analysis.jurisdictions()) {
            List<Status> s = j.criteria().stream().map(Assessment::status).toList();
            if (s.size() < 5) {
                throw new IllegalArgumentException("the aggregates need the Global Review's first five criteria");
            }
            if (s.contains(Status.UNKNOWN)) {
                withNoData++;
            }
            boolean oneToFour = allMet(s, 0, 4);
            if (oneToFour) {
                sufficient.add(j.name());
                if (s.get(4) == Status.MET) {
                    firstFive.add(j.name());
                } else if (s.get(4) == Status.NOT_MET) {
                    notIsp.add(j.name());
                }
            }
            if (s.get(0) == Status.NOT_MET) {
                noSpecific.add(j.name());
            }
            if (s.size() > 5 && s.get(5) == Status.MET) {
                retention.add(j.name());
            }
            if (s.get(0) == Status.MET) {
                withSpecific++;
                addIfNotMet(s.get(1), j.name(), noDefinition);
                addIfNotMet(s.get(2), j.name(), noComputer);
                addIfNotMet(s.get(3), j.name(), noPossession);
            }
        }
        return new Aggregates(analysis.jurisdictions().size(), sufficient.size(), firstFive.size(), notIsp.size(),
                noSpecific.size(), analysis.criteria().size() > 5 ? retention.size() : null, withSpecific, noDefinition.size(), noComputer.size(),
                noPossession.size(), withNoData, new Names(sufficient, firstFive, notIsp, noSpecific, retention,
                noDefinition, noComputer, noPossession));
    }

    private static boolean allMet(List<Status> s, int from, int to) {
        return s.subList(from, to).stream().allMatch(x -> x == Status.MET);
    }

    private static void addIfNotMet(Status status, String name, List<String> list) {
        if (status == Status.NOT_MET) {
            list.add(name);
        }
    }
}
