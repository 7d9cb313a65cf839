package org.lexgap.core.rules;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one evaluation of a pack's rules may use. Every rule session (one jurisdiction at one date: an assessment,
 * each of a pack's test cases at load or in {@code pack test}, an explanation) runs under {@code time} and stops
 * after {@code fireLimit} firings; a rule whose patterns could combine more than {@code joinLimit} sets of facts is
 * refused before it runs. Far above what a real pack needs: the shipped packs take about a millisecond per
 * jurisdiction, fire tens of rules and join at most a few hundred facts.
 *
 * <p>Set with the framework (or system) properties {@value #TIME}, {@value #FIRES} and {@value #JOINS}, or the
 * CLI's {@code --time-budget}.
 *
 * @param time      wall-clock budget of one jurisdiction's session
 * @param fireLimit most rule firings in one session
 * @param joinLimit most fact combinations one rule's patterns may build for the facts at hand
 */
public record RuleBudget(Duration time, int fireLimit, long joinLimit) {
    public static final String TIME = "lexgap.rules.timeBudget";
    public static final String FIRES = "lexgap.rules.fireLimit";
    public static final String JOINS = "lexgap.rules.joinLimit";
    public static final RuleBudget DEFAULT = new RuleBudget(Duration.ofSeconds(2), 10_000, 1_000_000);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

    public RuleBudget {
        if (time.isNegative() || time.isZero() || fireLimit < 1 || joinLimit < 1) {
            throw new IllegalArgumentException("rule budgets must be positive: " + time + ", " + fireLimit + ", " + joinLimit);
        }
    }

    /** The defaults, with whatever of {@link #TIME}, {@link #FIRES} and {@link #JOINS} {@code properties} sets. */
    public static RuleBudget from(Function<String, String> properties) {
        String time = properties.apply(TIME);
        String fires = properties.apply(FIRES);
        String joins = properties.apply(JOINS);
        return new RuleBudget(time == null ? DEFAULT.time() : duration(time),
                fires == null ? DEFAULT.fireLimit() : Math.toIntExact(number(FIRES, fires)),
                joins == null ? DEFAULT.joinLimit() : number(JOINS, joins));
    }

    /** {@code 2s}, {@code 500ms}, {@code 1m}, or a number of milliseconds. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a time budget is a number with ms, s or m, for example 2s or 500ms; not \""
                    + text + "\"");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofMillis(n);
        };
    }

    private static long number(String key, String text) {
        try {
            return Long.parseLong(text.strip().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not \"" + text + "\"");
        }
    }

    /** The time budget as people write it. */
    public String shownTime() {
        long ms = time.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
