package org.lexgap.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void sectionsSortAsNumbered() {
        List<String> ids = new ArrayList<>(List.of("MY-ACT792-s10", "MY-ACT792-s5", "MY-ACT792-s12", "MY-ACT792-s4",
                "PH-RA9775-s4c", "PH-RA9775-s11", "PH-RA9775-s9", "PH-RA10175-s4c2"));
        ids.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("MY-ACT792-s4", "MY-ACT792-s5", "MY-ACT792-s10", "MY-ACT792-s12", "PH-RA9775-s4c",
                "PH-RA9775-s9", "PH-RA9775-s11", "PH-RA10175-s4c2"), ids);
    }

    @Test
    void leadingZerosCountAsTheSameNumberAndTiesBreakOnTheText() {
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("s07", "s8")));
        assertEquals(1, Integer.signum(NaturalOrder.INSTANCE.compare("s10", "s09")));
        assertEquals(Integer.signum("s007".compareTo("s7")), Integer.signum(NaturalOrder.INSTANCE.compare("s007", "s7")));
        assertEquals(Integer.signum("s000".compareTo("s0")), Integer.signum(NaturalOrder.INSTANCE.compare("s000", "s0")));
        assertEquals(0, NaturalOrder.INSTANCE.compare("PH-RA9775-s4c", "PH-RA9775-s4c"));
    }

    /** The in-place comparison orders ids exactly as the first, string-based one did, so report order is unchanged. */
    @Test
    void ordersExactlyAsTheStringBasedDefinition() {
        Random random = new Random(13);
        String alphabet = "s0012349a-b";
        for (int n = 0; n < 20_000; n++) {
            String a = randomId(random, alphabet);
            String b = randomId(random, alphabet);
            assertEquals(Integer.signum(byStrings(a, b)), Integer.signum(NaturalOrder.INSTANCE.compare(a, b)),
                    a + " vs " + b);
        }
    }

    private static String randomId(Random random, String alphabet) {
        StringBuilder id = new StringBuilder();
        int length = random.nextInt(7);
        for (int k = 0; k < length; k++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** The definition as first written: digit runs compared as strings with their leading zeros removed. */
    private static int byStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
