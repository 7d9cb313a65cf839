package org.lexgap.api.model;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A country, territory or subnational unit whose law a pack records.
 *
 * <p>Codes follow ISO 3166: an ISO 3166-1 alpha-2 code for a country ({@code PH}), or an ISO 3166-2 subdivision
 * code for a subnational unit: the country's alpha-2 code, a hyphen and one to three letters or digits
 * ({@code US-CA}, {@code AU-NSW}). Always upper case.
 *
 * @param code       the ISO 3166 code, upper case (for example {@code PH} or {@code AU-NSW})
 * @param name       English short name
 * @param unassessed criterion ids the pack's authors have not researched; these are reported as
 *                   {@link Status#UNKNOWN}, never as {@link Status#NOT_MET}
 */
public record Jurisdiction(String code, String name, List<String> unassessed) {
    /** A jurisdiction code as a regular expression (no anchors): alpha-2, optionally {@code -} and 1-3 alphanumerics. */
    public static final String CODE_PATTERN = "[A-Z]{2}(-[A-Z0-9]{1,3})?";

    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    /**
     * The order reports, listings and file names use: by code, character by character, which puts a country
     * straight before its own subdivisions and those before the next country ({@code AU}, {@code AU-NSW},
     * {@code AU-VIC}, {@code AZ}), since {@code -} sorts before every letter and digit. Deterministic and
     * independent of locale.
     */
    public static final Comparator<String> CODE_ORDER = Comparator.naturalOrder();

    public Jurisdiction {
        unassessed = List.copyOf(unassessed);
    }

    /** Whether {@code code} is a well-formed jurisdiction code (upper case; see {@link #CODE_PATTERN}). */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The ISO 3166-1 alpha-2 country part of a well-formed code: {@code US} for {@code US-CA} and for {@code US}. */
    public static String country(String code) {
        return code.length() > 2 ? code.substring(0, 2) : code;
    }

    /** Whether a well-formed code names a subnational unit (an ISO 3166-2 subdivision code). */
    public static boolean isSubdivision(String code) {
        return code.length() > 2;
    }

    /** Why {@code code} is not a jurisdiction code, in one line for an error message; null when it is one. */
    public static String codeProblem(String code) {
        if (isCode(code)) {
            return null;
        }
        return "\"" + code + "\" is not an ISO 3166 jurisdiction code: expected a country's alpha-2 code (PH) or an"
                + " ISO 3166-2 subdivision code, alpha-2, hyphen and 1-3 letters or digits (US-CA, AU-NSW), in upper case";
    }
}
