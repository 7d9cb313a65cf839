package org.lexgap.core.report;

import java.util.Map;

/**
 * Fills the {@code {name}} placeholders of a report message (report/messages_*.properties) in one pass, so that a
 * value taken from a pack (a title that happens to contain {@code {reason}}, say) is never itself filled.
 */
final class Wording {
    private Wording() {
    }

    /**
     * @param text     the report's wording by key
     * @param key      the message's key
     * @param nameValue placeholder names and their values, alternately; a {@code null} value prints as {@code null}
     */
    static String fill(Map<String, String> text, String key, Object... nameValue) {
        String template = text.get(key);
        if (template == null) {
            throw new IllegalStateException("report wording has no key " + key);
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            String value = end < 0 ? null : value(template.substring(i + 1, end), nameValue);
            if (value != null) {
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String value(String name, Object[] nameValue) {
        for (int k = 0; k + 1 < nameValue.length; k += 2) {
            if (nameValue[k].equals(name)) {
                return String.valueOf(nameValue[k + 1]);
            }
        }
        return null;
    }
}
