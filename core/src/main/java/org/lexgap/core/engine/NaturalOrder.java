package org.lexgap.core.engine;

import java.util.Comparator;

/** Orders ids the way lawyers number sections: "s5" before "s10", "s4c" before "s4c2". */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
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
                int c = compareNumbers(a, si, i, b, sj, j);
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

    /**
     * Compares the digit runs a[from, to) and b[from, to) as numbers: leading zeros dropped (one digit kept), the
     * longer run the larger, else digit by digit. Done in place: this runs for every pair of ids sorted while
     * verdicts are built, and an allocation (or a regular expression) per comparison was a tenth of an assessment.
     */
    private static int compareNumbers(String a, int fromA, int toA, String b, int fromB, int toB) {
        while (fromA < toA - 1 && a.charAt(fromA) == '0') {
            fromA++;
        }
        while (fromB < toB - 1 && b.charAt(fromB) == '0') {
            fromB++;
        }
        int length = toA - fromA;
        if (length != toB - fromB) {
            return Integer.compare(length, toB - fromB);
        }
        for (int k = 0; k < length; k++) {
            char x = a.charAt(fromA + k);
            char y = b.charAt(fromB + k);
            if (x != y) {
                return Character.compare(x, y);
            }
        }
        return 0;
    }
}
