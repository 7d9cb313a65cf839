package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.ReportRequest;
import org.lexgap.launcher.Platform;

/**
 * What-if amendments through the real CLI, in the real Felix platform with the shipped bundles: an amendment adding
 * a simple-possession offence turns criterion 4 MET in every format, marked hypothetical and naming the amendment;
 * a malformed one is refused with file:line and exit 5; the packs are the same afterwards.
 */
class WhatIfIT {
    static final String POSSESSION = """
            {
              "title": "Simple possession for Malaysia (hypothetical)",
              "jurisdiction": "MY",
              "note": "A hypothetical possession offence from 1 January 2016.",
              "changes": [
                {
                  "id": "possession-offence",
                  "kind": "add-instrument",
                  "title": "A possession offence",
                  "note": "No intent to distribute required.",
                  "from": "2016-01-01",
                  "instrument": {
                    "id": "MY-WHATIF-1",
                    "title": "Possession Bill (hypothetical)",
                    "citation": "Bill (hypothetical)",
                    "provisions": [{"id": "MY-WHATIF-1-s1", "section": "s. 1", "summary": "Possession is an offence.",
                      "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "any"}]}]
                  }
                }
              ]
            }
            """;

    @Test
    void anAmendmentMeetingCriterion4TurnsItMetInEveryFormatAndThePacksAreUnchanged(@TempDir Path tmp) throws Exception {
        Map<String, String> shippedBefore = shippedPackHashes();
        String packsBefore = servingPacks();
        Path file = tmp.resolve("my-possession.json");
        Files.writeString(file, POSSESSION);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        String[] law = {"--jurisdiction", "MY", "--as-of", "2016-01-01", "--amend", file.toString()};

        Cli json = Cli.run(concat(new String[] {"assess", "-f", "json"}, law));
        assertEquals(0, json.exit(), json.toString());
        assertTrue(json.out().contains("\"hypothetical\" : true"), json.out());
        assertTrue(json.out().contains("\"sha256\" : \"" + sha + "\""), json.out());
        Cli text = Cli.run(concat(new String[] {"assess"}, law));
        assertTrue(text.out().contains("4. simple_possession      MET"), text.out());
        assertTrue(text.out().contains("was NOT MET on the recorded law; changed by my-possession.json#possession-offence"));

        Cli matrix = Cli.run("matrix", "--region", "ASEAN", "--as-of", "2016-01-01", "--amend", file.toString(), "-f", "csv");
        assertTrue(matrix.out().contains("Malaysia,MY,yes,no,no,yes,no,no,simple_possession: no -> yes (hypothetical:"
                + " my-possession.json#possession-offence)"), matrix.out());

        // The PDF through the CLI; the other formats from the report service of one platform, to keep the test short.
        Path pdf = tmp.resolve("report.pdf");
        Cli report = Cli.run(concat(new String[] {"report", "-f", "pdf", "-o", pdf.toString()}, law));
        assertEquals(0, report.exit(), report.toString());
        Map<String, String> bodies = new TreeMap<>();
        bodies.put("pdf", pdfText(pdf));
        try (Platform platform = Platform.start(Platform.Options.defaults())) {
            for (String format : List.of("html", "md", "csv", "json")) {
                bodies.put(format, new String(platform.reports().report(new ReportRequest(List.of("MY"), null, "8",
                        LocalDate.of(2016, 1, 1), null, format, "en",
                        List.of(new AmendmentFile(file.toString(), Files.readAllBytes(file))), null)), StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, String> entry : bodies.entrySet()) {
            String format = entry.getKey();
            String body = entry.getValue();
            assertTrue(body.contains("my-possession.json"), format + " names the amendment");
            assertTrue(body.toLowerCase().contains("hypothetical"), format + " says hypothetical");
            switch (format) {
                case "csv" -> assertTrue(body.contains("Malaysia,MY,4,simple_possession,NOT_MET,MET,"), body);
                case "json" -> assertTrue(body.replaceAll("\\s", "").contains("\"criterion\":\"simple_possession\","
                        + "\"recordedLaw\":\"NOT_MET\",\"hypothetical\":\"MET\",\"changed\":true"), body);
                case "md" -> assertTrue(body.contains("| Not met | **Met** \\* |"), body);
                case "html" -> assertTrue(body.contains(sha) && body.contains("<td class=\"status met changed\">"), body);
                default -> assertHypotheticalOnEveryPage(pdf);
            }
        }
        Cli explained = Cli.run(concat(new String[] {"explain", "--criterion", "simple_possession"}, law));
        assertTrue(explained.out().contains("[hypothetical: my-possession.json#possession-offence]"), explained.out());

        assertEquals(shippedBefore, shippedPackHashes(), "the shipped pack files changed");
        assertEquals(packsBefore, servingPacks(), "the serving packs changed");
        Cli plain = Cli.run("assess", "--jurisdiction", "MY", "--as-of", "2016-01-01");
        assertTrue(plain.out().contains("4. simple_possession      NOT MET"), plain.out());
        assertFalse(plain.out().contains("HYPOTHETICAL"));
    }

    @Test
    void aMalformedOrWrongAmendmentIsRefusedWithItsPlaceAndExit5(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\n  \"title\": \"x\",\n  \"jurisdiction\": \"MY\"\n  \"note\": \"n\"\n}\n");
        for (String command : List.of("assess", "matrix", "report", "explain")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--amend", bad.toString()));
            args.addAll(command.equals("matrix") ? List.of("--region", "ASEAN")
                    : command.equals("explain") ? List.of("-j", "MY", "-c", "simple_possession") : List.of("-j", "MY"));
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertEquals(5, cli.exit(), command + ": " + cli);
            assertTrue(cli.err().contains(bad + ":4:3: malformed JSON"), command + ": " + cli.err());
            assertTrue(cli.out().isEmpty(), "nothing assessed: " + cli.out());
        }
        Cli validate = Cli.run("amend", "validate", bad.toString());
        assertEquals(5, validate.exit());
        assertTrue(validate.out().contains(bad + ":4:3:"), validate.out());

        Path unknown = tmp.resolve("unknown.json");
        Files.writeString(unknown, POSSESSION.replace("\"MY\"", "\"XX\""));
        Cli cli = Cli.run("assess", "-j", "MY", "--amend", unknown.toString());
        assertEquals(5, cli.exit());
        assertTrue(cli.err().contains(unknown + ":3:19: unknown jurisdiction \"XX\""), cli.err());

        Path order = tmp.resolve("order.json");
        Files.writeString(order, POSSESSION.replace("\"kind\": \"add-instrument\"", "\"kind\": \"repeal\", \"target\": \"MY-ACT792-s10\"")
                .replaceAll("(?s),\\s*\"instrument\": \\{.*?\\n      \\}", ""));
        Cli early = Cli.run("amend", "validate", order.toString());
        assertEquals(5, early.exit(), early.toString());
        assertTrue(early.out().contains(order + ":11:15: dates out of order: MY-ACT792-s10 would be repealed from"
                + " 2016-01-01, but it comes into force on 2017-07-10"), early.out());
    }

    @Test
    void theScaffoldValidatesAndItsPlaceholdersAreFlagged(@TempDir Path tmp) {
        Path file = tmp.resolve("th.json");
        Cli created = Cli.run("amend", "new", "--jurisdiction", "TH", "--from", "2020-01-01", "-o", file.toString());
        assertEquals(0, created.exit(), created.toString());
        Cli validated = Cli.run("amend", "validate", file.toString());
        assertEquals(0, validated.exit(), validated.toString());
        assertTrue(validated.out().contains("placeholder from 'lexgap amend new'"), validated.out());
        assertTrue(validated.out().contains(file + ": 0 error(s), 7 warning(s)"), validated.out());
        Cli assessed = Cli.run("assess", "-j", "TH", "--as-of", "2020-06-01", "--amend", file.toString());
        assertEquals(0, assessed.exit(), assessed.toString());
        assertTrue(assessed.out().contains("[hypothetical: th.json#new-instrument]"), assessed.out());
        assertEquals(3, Cli.run("amend", "new", "--jurisdiction", "XX").exit());
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static void assertHypotheticalOnEveryPage(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertTrue(stripper.getText(document).contains("HYPOTHETICAL"), "page " + page);
            }
        }
    }

    /** SHA-256 of each shipped pack jar. */
    static Map<String, String> shippedPackHashes() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("lexgap.home"), "packs"))) {
            for (Path jar : jars.toList()) {
                out.put(jar.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** What serves, without the bundle ids, which a kept Felix bundle cache numbers afresh on every run. */
    private static String servingPacks() {
        return Cli.run("packs", "--format", "json").out().replaceAll("(?m)^\\s*\"bundleId\" : \\d+,\\n", "");
    }
}
