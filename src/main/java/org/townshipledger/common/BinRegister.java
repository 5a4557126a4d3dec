package org.townshipledger.common;

import java.util.List;
import java.util.UUID;

/**
 * One register's part of the recycle bin (回收站). A register deletes by setting {@code deleted_at} on the record
 * itself only: its children (a household's members and pairings, a cadre's postings and pairings) stay as they
 * were and are hidden with it, so restoring the record brings them back, and a child deleted on its own before
 * stays deleted. Purging removes the record and its children for good, in one transaction.
 *
 * <p>A new register plugs in by implementing this (through its service, no SQL here) and adding one line to the
 * list in {@code app.AppContext#binRegisters}; the 回收站 screen, restore, 彻底删除 and 清空回收站 then include it.
 * Its label is the message {@code recycleBin.register.<kind>} in both bundles (LocalizationConsistencyTest lists
 * those keys in DYNAMIC_KEYS).
 */
public interface BinRegister {

    /** A stable code for the register (village, household, cadre...). */
    String kind();

    /** Its records in the recycle bin, any order. */
    List<BinItem> inBin();

    /**
     * Brings a record back with its children.
     *
     * @return its name, for the status line
     * @throws InvalidInputException when it cannot come back (its name or ID number is taken meanwhile)
     */
    String restore(UUID id);

    /**
     * Deletes a record in the bin and its children for good.
     *
     * @throws InvalidInputException when records in use still depend on it (nothing deleted)
     */
    void purge(UUID id);

    /**
     * Where this register's purges go when the whole bin is emptied: lower first. Children before parents
     * (pairings 10, postings 20, households 30, cadres 40, units 50, villages 60), so that a parent's purge does not
     * find its own binned children in the way.
     */
    int purgeOrder();
}
