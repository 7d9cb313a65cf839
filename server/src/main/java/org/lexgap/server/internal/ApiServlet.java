package org.lexgap.server.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackCheck;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.Region;
import org.lexgap.api.model.ReportRequest;

/**
 * {@code /api/*}: the HTTP face of the same services the CLI calls, called the same way, so that a result here is
 * the CLI's result byte for byte (docs/http-api.md). Errors carry the CLI's exit code for the same failure.
 */
final class ApiServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final String DEFAULT_EDITION = "8";

    private final Services services;
    private final Token token;
    private final PackUploads uploads;
    private final PackEvents events;
    /** Pack changes one at a time, so that "is this id installed" and the install are one step. */
    private final Object changes = new Object();

    ApiServlet(Services services, Token token, PackUploads uploads, PackEvents events) {
        this.services = services;
        this.token = token;
        this.uploads = uploads;
        this.events = events;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        try {
            route(method, path, request, response);
        } catch (ApiError e) {
            Http.error(request, response, e);
        } catch (IllegalArgumentException e) {
            Http.error(request, response, ApiError.unknown(e.getMessage()));
        } catch (IllegalStateException e) {
            // As the CLI: an unknown name wrapped by the platform is still an unknown name; otherwise rules failed.
            Http.error(request, response, e.getCause() instanceof IllegalArgumentException
                    ? ApiError.unknown(e.getCause().getMessage()) : ApiError.rulesFailed(e.getMessage()));
        } catch (RuntimeException | IOException e) {
            LOG.error("{} {} failed", method, path, e);
            Http.error(request, response, ApiError.internal());
        }
    }

    private void route(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        switch (path) {
            case "/jurisdictions" -> read(method, path, response, this::jurisdictions);
            case "/regions" -> read(method, path, response, this::regions);
            case "/editions" -> read(method, path, response, this::editions);
            case "/assess" -> {
                requireMethod(method, path, "GET", "POST");
                assess(Query.of(request), response);
            }
            case "/explain" -> {
                requireMethod(method, path, "GET", "POST");
                explain(Query.of(request), response);
            }
            case "/report" -> {
                requireMethod(method, path, "GET", "POST");
                report(Query.of(request), response);
            }
            case "/packs" -> {
                requireMethod(method, path, "GET", "PUT");
                if (method.equals("GET")) {
                    Http.json(response, 200, packs());
                } else {
                    token.require(request);
                    upload(request, response);
                }
            }
            default -> {
                if (path.startsWith("/packs/") && path.length() > "/packs/".length()) {
                    requireMethod(method, path, "DELETE");
                    token.require(request);
                    remove(path.substring("/packs/".length()), response);
                } else {
                    throw ApiError.noRoute(method, "/api" + path);
                }
            }
        }
    }

    private interface Body {
        Object get();
    }

    private static void read(String method, String path, HttpServletResponse response, Body body) throws IOException {
        requireMethod(method, path, "GET");
        Http.json(response, 200, body.get());
    }

    private static void requireMethod(String method, String path, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw ApiError.methodNotAllowed(method, "/api" + path);
    }

    private Object jurisdictions() {
        ArrayNode out = Http.JSON.createArrayNode();
        for (Jurisdiction j : services.registry().jurisdictions()) {
            ObjectNode node = out.addObject();
            node.put("code", j.code());
            node.put("name", j.name());
            node.putPOJO("unassessed", j.unassessed());
        }
        return out;
    }

    private Object regions() {
        ArrayNode out = Http.JSON.createArrayNode();
        for (Region r : services.registry().regions()) {
            ObjectNode node = out.addObject();
            node.put("id", r.id());
            node.put("name", r.name());
            node.putPOJO("members", r.members());
            node.put("source", r.source());
            node.put("pack", r.pack());
        }
        return out;
    }

    private Object editions() {
        ArrayNode out = Http.JSON.createArrayNode();
        for (ModelLawEdition e : services.registry().editions()) {
            ObjectNode node = out.addObject();
            node.put("edition", e.edition());
            node.put("title", e.title());
            node.put("published", e.published());
            node.put("cutoff", e.cutoff());
            node.put("source", e.source());
            node.put("pack", e.pack());
            ArrayNode criteria = node.putArray("criteria");
            for (Criterion c : e.criteria()) {
                ObjectNode criterion = criteria.addObject();
                criterion.put("id", c.id());
                criterion.put("number", c.number());
                // The edition's own headline wording of the criterion (the Global Review's question).
                criterion.put("question", c.question());
                criterion.put("recommendation", c.recommendation());
                criterion.put("recommendationSource", c.recommendationSource());
            }
        }
        return out;
    }

    private Object packs() {
        ArrayNode out = Http.JSON.createArrayNode();
        for (PackInfo p : services.registry().packs()) {
            out.add(pack(p));
        }
        return out;
    }

    static ObjectNode pack(PackInfo p) {
        ObjectNode node = Http.JSON.createObjectNode();
        node.put("id", p.id());
        node.put("version", p.version());
        node.put("title", p.title());
        node.put("kind", p.kind());
        node.put("sha256", p.sha256());
        node.put("signer", p.signer());
        node.put("signerKey", p.signerKey());
        node.put("signed", p.signed());
        node.put("state", p.state());
        node.putPOJO("jurisdictions", p.jurisdictions());
        node.putPOJO("editions", p.editions());
        node.put("lastError", firstError(p.problems()).orElse(null));
        ArrayNode problems = node.putArray("problems");
        p.problems().forEach(problem -> problems.add(problem.format()));
        return node;
    }

    private static Optional<String> firstError(List<PackProblem> problems) {
        return problems.stream().filter(p -> p.severity() == PackProblem.Severity.ERROR).map(PackProblem::format)
                .findFirst();
    }

    /** As LawOptions.check in the CLI: refuses amendments with errors before anything is assessed. */
    private List<AmendmentFile> checkedAmendments(Query query) {
        List<AmendmentFile> amendments = query.amendments();
        if (amendments.isEmpty()) {
            return amendments;
        }
        PackCheck check = services.toolkit().checkAmendments(amendments);
        if (check.hasErrors()) {
            List<String> errors = check.problems().stream().filter(p -> p.severity() == PackProblem.Severity.ERROR)
                    .map(PackProblem::format).toList();
            throw ApiError.checkFailed(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                    + " more error(s))" : "") + "; nothing was assessed",
                    check.problems().stream().map(PackProblem::format).toList());
        }
        return amendments;
    }

    private void assess(Query query, HttpServletResponse response) throws IOException {
        query.requireScope();
        String edition = query.get("edition", DEFAULT_EDITION);
        LocalDate asOf = query.date("asOf", LocalDate.now());
        List<AmendmentFile> amendments = checkedAmendments(query);
        String json = services.renderer().render(services.evaluator().assess(new AssessmentRequest(
                query.jurisdictions(), query.get("region"), edition, asOf, amendments)), "json");
        Http.json(response, 200, json);
    }

    private void explain(Query query, HttpServletResponse response) throws IOException {
        String jurisdiction = query.require("jurisdiction").toUpperCase(Locale.ROOT);
        String criterion = query.require("criterion");
        String edition = query.get("edition", DEFAULT_EDITION);
        LocalDate asOf = query.date("asOf", LocalDate.now());
        List<AmendmentFile> amendments = checkedAmendments(query);
        String json = services.renderer().renderExplanation(services.toolkit().explain(jurisdiction, criterion,
                edition, asOf, amendments), "json");
        Http.json(response, 200, json);
    }

    private void report(Query query, HttpServletResponse response) throws IOException {
        query.requireScope();
        List<String> jurisdictions = query.jurisdictions();
        if (jurisdictions.size() > 1) {
            throw ApiError.badRequest("a country report is for one jurisdiction; for several, name their region");
        }
        String format = query.get("format", "html").toLowerCase(Locale.ROOT);
        if (!services.reports().formats().contains(format)) {
            throw ApiError.badRequest("format must be one of " + String.join(", ", services.reports().formats()));
        }
        String lang = query.get("lang", "en").toLowerCase(Locale.ROOT);
        if (!services.reports().languages().contains(lang)) {
            throw ApiError.badRequest("lang must be one of " + String.join(", ", services.reports().languages()));
        }
        String edition = query.get("edition", DEFAULT_EDITION);
        LocalDate asOf = query.date("asOf", LocalDate.now());
        LocalDate compareWith = query.date("compareWith", null);
        String compareEdition = query.get("compareEdition");
        // The same argument rules as 'lexgap report'.
        if (compareWith != null && compareEdition != null) {
            throw ApiError.badRequest("compare either with a date (compareWith) or with an edition (compareEdition),"
                    + " not both");
        }
        if (!query.amendments().isEmpty() && (compareWith != null || compareEdition != null)) {
            throw ApiError.badRequest("amendments already compare the recorded law with the amended law; ask a"
                    + " separate report for compareWith or compareEdition");
        }
        if (edition.equals(compareEdition)) {
            throw ApiError.badRequest("compareEdition " + compareEdition + " is the edition being reported; name"
                    + " another one");
        }
        List<AmendmentFile> amendments = checkedAmendments(query);
        String region = query.get("region");
        byte[] report = services.reports().report(new ReportRequest(jurisdictions, region, edition, asOf,
                compareWith, format, lang, amendments, compareEdition));
        if (format.equals("html")) {
            response.setHeader("Content-Security-Policy", Headers.REPORT_CSP);
        }
        String scope = region != null ? region : jurisdictions.get(0);
        String name = ("lexgap-" + scope + "-edition-" + edition + "-" + asOf
                + (compareWith != null ? "-vs-" + compareWith : "")
                + (compareEdition != null ? "-vs-edition-" + compareEdition : "")
                + (amendments.isEmpty() ? "" : "-what-if") + "." + format).replaceAll("[^A-Za-z0-9._-]", "_");
        response.setHeader("Content-Disposition", (format.equals("html") || format.equals("pdf") ? "inline" : "attachment")
                + "; filename=\"" + name + "\"");
        Http.send(response, 200, contentType(format), report);
    }

    static String contentType(String format) {
        return switch (format) {
            case "html" -> "text/html; charset=utf-8";
            case "pdf" -> "application/pdf";
            case "md" -> "text/markdown; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            case "json" -> Http.JSON_TYPE;
            default -> "application/octet-stream";
        };
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = Http.body(request, Http.MAX_PACK);
        PackUploads.Stored stored = uploads.store(body);
        PackInfo before;
        PackInfo after;
        synchronized (changes) {
            before = stored.id().flatMap(this::serving).orElse(null);
            boolean known = stored.id().isPresent() && services.registry().packs().stream()
                    .anyMatch(p -> p.id().equals(stored.id().get()));
            after = events.changing(() -> {
                PackInfo result = known ? services.installer().update(stored.id().get(), stored.jar())
                        : services.installer().install(stored.jar());
                if (!known && result.state().equals("FAILED")) {
                    // A refused new pack changes nothing: it is not left listed (the response says why).
                    try {
                        services.installer().uninstall(result.id());
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        LOG.debug("refused upload {} not removed: {}", result.id(), e.getMessage());
                    }
                }
                return result;
            });
        }
        boolean refused = after.state().equals("FAILED") || after.state().equals("SERVING_PREVIOUS")
                || firstError(after.problems()).isPresent();
        if (refused) {
            uploads.discard(stored.jar());
            String version = stored.version().orElse(after.version());
            events.changed("refused", after.id(), version);
            String reason = firstError(after.problems()).orElse("the pack was refused");
            throw ApiError.packRefused("pack " + after.id() + " " + version + " was refused: " + reason
                    + (before != null ? "; version " + before.version() + " keeps serving" : ""),
                    after.problems().stream().map(PackProblem::format).toList());
        }
        String change = before == null ? "installed"
                : before.sha256().equals(after.sha256()) ? "unchanged" : "updated";
        if (!change.equals("unchanged")) {
            events.changed(change, after.id(), after.version());
        }
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("change", change);
        if (before != null) {
            out.put("previousVersion", before.version());
        }
        out.set("pack", pack(after));
        Http.json(response, before == null ? 201 : 200, out);
    }

    private Optional<PackInfo> serving(String id) {
        return services.registry().packs().stream()
                .filter(p -> p.id().equals(id) && p.state().startsWith("SERVING")).findFirst();
    }

    private void remove(String id, HttpServletResponse response) throws IOException {
        PackInfo removed;
        synchronized (changes) {
            removed = services.registry().packs().stream().filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow(() -> new ApiError(404, "unknown-pack", 3, "no pack \"" + id + "\" is installed"));
            events.changing(() -> {
                services.installer().uninstall(id);
                return id;
            });
        }
        events.changed("removed", removed.id(), removed.version());
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("change", "removed");
        out.put("id", removed.id());
        out.put("version", removed.version());
        Http.json(response, 200, out);
    }

}
