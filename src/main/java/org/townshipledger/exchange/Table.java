package org.townshipledger.exchange;

import java.util.List;

/** A sheet as read: its header row and the data rows under it. */
public record Table(List<String> headers, List<TableRow> rows) {

    public boolean hasColumn(String header) {
        return headers.contains(header);
    }
}
