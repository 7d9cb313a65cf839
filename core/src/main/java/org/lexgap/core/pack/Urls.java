package org.lexgap.core.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a source into plain text and the http or https addresses in it, so that reports can make each address a
 * link and the checker can tell what lies outside addresses. An address ends at white space; trailing punctuation
 * (a full stop, comma, semicolon, colon, quote) and a closing bracket without its opening one are not part of it, so
 * "(see https://x.org/a_(b))." keeps "https://x.org/a_(b)".
 */
public final class Urls {
    /** A piece of a source: an address, or the text between addresses. */
    public record Part(String text, boolean url) {
    }

    private static final Pattern CANDIDATE = Pattern.compile("(?i)\\bhttps?://\\S+");

    private Urls() {
    }

    /** The parts of {@code text}, in order; concatenating their texts gives {@code text} back. */
    public static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        Matcher m = CANDIDATE.matcher(text);
        int at = 0;
        while (m.find()) {
            String url = trim(m.group());
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), false));
            }
            parts.add(new Part(url, true));
            at = m.start() + url.length();
            if (at < m.end()) {
                // the trimmed tail is text again; the matcher continues after the whole candidate
                parts.add(new Part(text.substring(at, m.end()), false));
                at = m.end();
            }
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }

    /** True when {@code text} gives at least one http or https address. */
    public static boolean contains(String text) {
        return text != null && CANDIDATE.matcher(text).find();
    }

    /** {@code text} with every address replaced by a space. */
    public static String withoutUrls(String text) {
        StringBuilder out = new StringBuilder();
        for (Part p : split(text)) {
            out.append(p.url() ? " " : p.text());
        }
        return out.toString();
    }

    private static String trim(String candidate) {
        String url = candidate;
        while (!url.isEmpty()) {
            char last = url.charAt(url.length() - 1);
            if (".,;:!?'\"".indexOf(last) >= 0) {
                url = url.substring(0, url.length() - 1);
            } else if (last == ')' && count(url, '(') < count(url, ')')) {
                url = url.substring(0, url.length() - 1);
            } else if (last == ']' && count(url, '[') < count(url, ']')) {
                url = url.substring(0, url.length() - 1);
            } else {
                break;
            }
        }
        return url;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
