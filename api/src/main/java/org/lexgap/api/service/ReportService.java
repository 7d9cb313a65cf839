package org.lexgap.api.service;

import java.util.List;

import org.lexgap.api.model.ReportRequest;

/**
 * Produces gap reports for policy advisers: a country report or a regional report, optionally compared with a
 * second date, in a document format. The same request over the same packs always gives the same bytes.
 */
public interface ReportService {

    /** The formats {@link #report} accepts: {@code html}, {@code pdf}, {@code md}, {@code csv}, {@code json}. */
    List<String> formats();

    /** The languages the report's own wording is available in, for example {@code en}. */
    List<String> languages();

    /**
     * Assesses and renders.
     *
     * @throws IllegalArgumentException for an unknown jurisdiction, region, edition, format or language
     */
    byte[] report(ReportRequest request);
}
