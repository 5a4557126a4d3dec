package org.townshipledger.common;

import java.util.List;

/**
 * One page of a list that is paged in SQL.
 *
 * @param rows   the rows of this page
 * @param offset index of the first row in the whole result
 * @param total  rows in the whole result
 */
public record Page<T>(List<T> rows, int offset, int total) {

    public Page {
        rows = List.copyOf(rows);
    }
}
