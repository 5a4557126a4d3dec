package org.townshipledger.visit;

import org.townshipledger.exchange.ImportCheck;

/**
 * What importing a visits, problems or help sheet would do, nothing written: the import dialog's preview (rows to
 * add and update, errors by row, repeated rows and updates that take a record back as warnings) and the counts
 * behind it (with the rows that would stay unchanged).
 */
public record ImportPreview(ImportCheck check, ImportCounts counts) {
}
