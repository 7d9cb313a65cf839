package org.lexgap.launcher;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/** Parses {@code --as-of}: an ISO date, or {@code today}. */
final class Dates implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        if (value.equalsIgnoreCase("today")) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("\"" + value + "\" is not a date; expected YYYY-MM-DD or today");
        }
    }
}
