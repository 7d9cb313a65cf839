package org.lexgap.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which shipped packs a command needs: {@code assess -j PH} needs the packs that may hold PH and the edition's
 * model-law pack, not all of them. The choice is made from the pack jars' raw text, without compiling or even
 * parsing them, and it over-approximates: a pack is left out only when its text shows it cannot hold an asked-for
 * jurisdiction, region or edition. A text it cannot read plainly (not UTF-8, a NUL byte, a {@code \}{@code u}
 * escape that could spell a key, an unreadable jar) makes the pack needed. So every pack that could claim what was
 * asked loads, and a double claim on it is refused by the registry exactly as when every pack loads; when no pack
 * could hold a name, every pack loads, so that the unknown-name answer is the usual one. The packs chosen are then
 * verified, checked and tested in full like any other; this only decides which to load.
 */
final class PackSelection {
    /** What a command asks for. Codes and the region as typed (upper-cased by the caller's conventions). */
    record Need(Set<String> jurisdictions, String region, Set<String> editions) {
        Need {
            jurisdictions = Set.copyOf(jurisdictions);
            editions = Set.copyOf(editions);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern EDITIONS = Pattern.compile("\"editions\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final int MAX_ENTRY = 8 * 1024 * 1024;

    private PackSelection() {
    }

    /** The subset of {@code packs} (jars) that {@code need} may use, in their given order. */
    static List<Path> select(List<Path> packs, Need need) {
        Map<Path, Text> texts = new LinkedHashMap<>();
        for (Path pack : packs) {
            texts.put(pack, Text.of(pack));
        }
        Set<String> codes = new HashSet<>(need.jurisdictions());
        Set<Path> chosen = new HashSet<>();
        boolean regionFound = need.region() == null;
        if (need.region() != null) {
            for (Map.Entry<Path, Text> e : texts.entrySet()) {
                Text text = e.getValue();
                if (text == null || text.descriptorTokens.contains(need.region())) {
                    chosen.add(e.getKey());
                    regionFound |= text != null;
                    if (text != null) {
                        // Every quoted string of the descriptor may be a member code: more than needed, never less.
                        codes.addAll(text.descriptorTokens);
                    }
                }
            }
        }
        boolean everyCodeFound = true;
        for (String code : need.jurisdictions()) {
            boolean found = false;
            for (Map.Entry<Path, Text> e : texts.entrySet()) {
                if (e.getValue() != null && e.getValue().codes.contains(code)) {
                    found = true;
                }
            }
            everyCodeFound &= found;
        }
        if (!regionFound || !everyCodeFound) {
            return packs;
        }
        Set<String> editions = new HashSet<>(need.editions());
        boolean everyEdition = false;
        for (Map.Entry<Path, Text> e : texts.entrySet()) {
            Text text = e.getValue();
            if (text == null || text.unclear || !java.util.Collections.disjoint(text.codes, codes)) {
                chosen.add(e.getKey());
                // A jurisdictions pack is checked against every edition it names (its unassessed criteria, its
                // fixtures), so those editions' packs load with it; one that cannot be read plainly may name any.
                if (text == null || text.unclear) {
                    everyEdition = true;
                } else {
                    editions.addAll(text.namedEditions);
                }
            }
        }
        // A chosen pack's test of another edition is not run without that edition's pack: a warning, not a refusal,
        // and never a change to the answer asked for; so only the asked-for editions' packs load.
        boolean editionFound = false;
        for (Map.Entry<Path, Text> e : texts.entrySet()) {
            Text text = e.getValue();
            // Only a descriptor that says model-law (a kind it could not spell otherwise) can hold an edition.
            if (text == null || text.unclear || text.descriptorTokens.contains("model-law")
                    && (everyEdition || !java.util.Collections.disjoint(text.editionTokens, editions))) {
                chosen.add(e.getKey());
                editionFound |= text != null && !text.unclear
                        && !java.util.Collections.disjoint(text.editionTokens, need.editions());
            }
        }
        if (!editionFound) {
            return packs;
        }
        List<Path> selected = new ArrayList<>();
        for (Path pack : packs) {
            if (chosen.contains(pack)) {
                selected.add(pack);
            }
        }
        return selected;
    }

    /**
     * What a pack jar's text may claim: every code in a jurisdiction file (and each such file's name), every quoted
     * string of its descriptor and of its edition files. {@code unclear} when some of it could not be read plainly.
     */
    private record Text(Set<String> codes, Set<String> descriptorTokens, Set<String> editionTokens,
                        Set<String> namedEditions, boolean unclear) {
        static Text of(Path jar) {
            Set<String> codes = new HashSet<>();
            Set<String> descriptor = new HashSet<>();
            Set<String> named = null;
            Set<String> editions = new HashSet<>();
            boolean unclear = false;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    boolean jurisdiction = name.startsWith("jurisdictions/");
                    boolean edition = name.equals("edition.json") || name.startsWith("editions/");
                    boolean pack = name.equals("pack.json");
                    if (entry.isDirectory() || !(jurisdiction || edition || pack)) {
                        continue;
                    }
                    String text = plain(zip, entry);
                    if (text == null) {
                        unclear = true;
                        continue;
                    }
                    if (jurisdiction) {
                        String file = name.substring(name.lastIndexOf('/') + 1);
                        codes.add(file.replaceFirst("\\.json$", ""));
                        Matcher m = CODE.matcher(text);
                        while (m.find()) {
                            codes.add(m.group(1));
                        }
                    } else {
                        Matcher m = TOKEN.matcher(text);
                        while (m.find()) {
                            (pack ? descriptor : editions).add(m.group(1));
                        }
                        if (pack) {
                            editions.addAll(descriptor);
                            Matcher list = EDITIONS.matcher(text);
                            if (list.find()) {
                                named = new HashSet<>();
                                Matcher item = TOKEN.matcher(list.group(1));
                                while (item.find()) {
                                    named.add(item.group(1));
                                }
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            // No plain "editions" list: every edition may be named (more than needed, never less).
            return new Text(codes, descriptor, editions, named, unclear || named == null);
        }

        /** The entry as UTF-8 text, or null when it is not plainly readable. */
        private static String plain(ZipFile zip, ZipEntry entry) throws IOException {
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = in.readNBytes(MAX_ENTRY + 1);
                if (bytes.length > MAX_ENTRY) {
                    return null;
                }
                for (byte b : bytes) {
                    if (b == 0) {
                        return null;
                    }
                }
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return text.contains("\\u") || text.contains("\\U") ? null : text;
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}
