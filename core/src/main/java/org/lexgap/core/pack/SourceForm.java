package org.lexgap.core.pack;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@code source} reads. A reader of a report must be able to open what it cites, so a source is a URL, or a
 * formal citation of a public work (who issued it, what it is, when), never a file of ours: a path into a file
 * system, a seed document's file name, our research notes. The rules are deliberately plain text rules that an
 * analyst can predict; docs/pack-format.md lists them.
 */
public final class SourceForm {
    /** The four readings, from best to worst. */
    public enum Form {
        /** Gives at least one http or https address. */
        URL,
        /** A formal citation: the issuing body or author and the work, with a year. */
        CITATION,
        /** Neither a URL nor a formal citation: a warning. */
        INFORMAL,
        /** Points into a file system or names a file of ours: an error. */
        FILE;

        /** The lower-case name used in listings and CSV. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The reading, and for {@link Form#FILE} the offending text. */
    public record Reading(Form form, String offending) {
    }

    /** Anything after a scheme that is not http or https is not something a reader can open either. */
    private static final Pattern FILE_SCHEME = Pattern.compile("(?i)(?<![\\w.-])file:\\S*");
    private static final Pattern SHARED = Pattern.compile("(?i)(?<![\\w.-])(?:\\S*/)?shared/\\S*");
    private static final Pattern ABSOLUTE = Pattern.compile("(?<![\\w.:/-])/[A-Za-z0-9._~-]+(?:/\\S*)?");
    private static final Pattern HOME = Pattern.compile("(?<![\\w.-])~/\\S*");
    private static final Pattern RELATIVE = Pattern.compile("(?<![\\w.-])\\.{1,2}[/\\\\]\\S*");
    private static final Pattern SEED = Pattern.compile("(?i)\\bseed\\s+\\d{3}_[0-9a-f]+(?:\\.txt)?|\\b\\d{3}_[0-9a-f]{8,}\\.txt\\b");
    private static final Pattern NOTES = Pattern.compile("(?i)\\bresearch[- ]notes\\b\\S*");
    private static final Pattern DATA_FILE = Pattern.compile("(?i)(?<![\\w./-])[\\w./~-]*\\w\\.(?:md|txt|json)(?![\\w/])");
    private static final Pattern YEAR = Pattern.compile("\\b(?:1[89]|20)\\d{2}\\b");

    private SourceForm() {
    }

    /** Reads one source. */
    public static Reading of(String source) {
        String text = source == null ? "" : source;
        // A URL may well end in .txt or .json, or contain "/shared/"; only what is outside URLs can point at a file.
        String outside = Urls.withoutUrls(text);
        for (Pattern p : new Pattern[] {FILE_SCHEME, SHARED, HOME, RELATIVE, ABSOLUTE, SEED, NOTES, DATA_FILE}) {
            Matcher m = p.matcher(outside);
            if (m.find()) {
                return new Reading(Form.FILE, trim(m.group()));
            }
        }
        if (Urls.contains(text)) {
            return new Reading(Form.URL, null);
        }
        if (YEAR.matcher(text).find() && (text.contains(",") || text.contains("("))) {
            return new Reading(Form.CITATION, null);
        }
        return new Reading(Form.INFORMAL, null);
    }

    private static String trim(String match) {
        return match.replaceAll("[.,;:)\\]]+$", "");
    }
}
