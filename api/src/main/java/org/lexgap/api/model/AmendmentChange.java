package org.lexgap.api.model;

import java.time.LocalDate;

/**
 * One change of an amendment file: the item a hypothetical verdict or piece of evidence rests on.
 *
 * @param file   the amendment file's name
 * @param id     the change's id within the file
 * @param kind   {@code add-instrument}, {@code add-provision}, {@code repeal} or {@code amend}
 * @param title  what the change is, for readers
 * @param note   why it is modelled, for readers
 * @param from   the date it takes effect (in force, repealed or amended from)
 * @param target the id of the instrument or provision it adds, repeals or amends
 */
public record AmendmentChange(String file, String id, String kind, String title, String note, LocalDate from,
                              String target) {

    /** {@code file#id}, how reports refer to the change. */
    public String ref() {
        return file + "#" + id;
    }
}
