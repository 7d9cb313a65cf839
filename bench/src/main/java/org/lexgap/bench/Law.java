package org.lexgap.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.pack.PackContent;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.pack.PackReader;
import org.lexgap.launcher.Distribution;

/**
 * The model-law-8 and ASEAN packs as the references see them: read from the distribution's signed pack jars (the
 * bytes the platform loads) by the core's own pack reader on a flat classpath, so that the facts are the records
 * the engine builds, and the rules are the packs' DRL text.
 */
public record Law(ModelLawEdition edition, Map<String, JurisdictionData> jurisdictions, List<String> asean,
                  Map<String, String> drl) {

    /** The distribution's packs folder: {@code lexgap.home}, else launcher/target/lexgap under {@code lexgap.repo}. */
    public static Path home() {
        String home = System.getProperty("lexgap.home");
        if (home != null) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("lexgap.repo", ".")).resolve("launcher/target/lexgap").toAbsolutePath()
                .normalize();
    }

    public static Path pack(String id) {
        return new Distribution(home()).home().resolve("packs/lexgap-pack-" + id + ".jar");
    }

    public static Law read() {
        PackContent law = content(pack("model-law-8"), Map.of());
        ModelLawEdition edition = law.edition();
        Set<String> ids = new TreeSet<>();
        edition.criteria().stream().map(Criterion::id).forEach(ids::add);
        PackContent asean = content(pack("asean"), Map.of(edition.edition(), ids));
        Map<String, JurisdictionData> jurisdictions = new LinkedHashMap<>();
        asean.jurisdictions().forEach(j -> jurisdictions.put(j.code(), j));
        Map<String, String> drl = new TreeMap<>();
        law.rules().forEach((file, text) -> drl.put("model-law-8/" + file, text));
        asean.rules().forEach((file, text) -> drl.put("asean/" + file, text));
        return new Law(edition, jurisdictions, asean.descriptor().regions().get(0).members(), drl);
    }

    private static PackContent content(Path jar, Map<String, Set<String>> criteria) {
        PackReader.Result read = PackReader.read(PackFiles.read(jar, PackFiles.Limits.DEFAULT), criteria);
        if (read.content() == null) {
            throw new IllegalStateException(jar + " does not read: " + read.problems());
        }
        return read.content();
    }
}
