package org.lexgap.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class UrlsTest {
    static List<String> urls(String text) {
        return Urls.split(text).stream().filter(Urls.Part::url).map(Urls.Part::text).toList();
    }

    @Test
    void trailingPunctuationAndUnbalancedBracketsAreNotPartOfAnAddress() {
        assertEquals(List.of("https://wikimili.com/en/Pornography_Act_(Indonesia)", "http://a.org/x"),
                urls("Signed (see https://wikimili.com/en/Pornography_Act_(Indonesia)), and http://a.org/x."));
        assertEquals(List.of("http://a.org/p;query=1"), urls("(http://a.org/p;query=1)"));
    }

    @Test
    void thePartsGiveTheTextBack() {
        String text = "Gazette: https://x.org/a, then text; https://y.org/b";
        StringBuilder joined = new StringBuilder();
        Urls.split(text).forEach(p -> joined.append(p.text()));
        assertEquals(text, joined.toString());
        assertEquals(2, urls(text).size());
    }

    @Test
    void onlyHttpAndHttpsAreAddresses() {
        assertFalse(Urls.contains("ftp://x.org/a and mailto:a@b.org and javascript:alert(1)"));
        assertTrue(Urls.contains("HTTPS://X.ORG"));
        assertEquals(" and ", Urls.withoutUrls("http://a.org and https://b.org").replaceAll("^ | $", ""));
    }
}
