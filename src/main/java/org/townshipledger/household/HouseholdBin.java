package org.townshipledger.household;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/** Households in the recycle bin; restoring one brings back its members and pairings, which were hidden with it. */
public final class HouseholdBin implements BinRegister {

    public static final String KIND = "household";

    private final HouseholdService service;

    public HouseholdBin(HouseholdService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.householdsInBinWithTimes().stream().map(h -> {
            HouseholdRow r = h.row();
            String place = (nz(r.villageName()) + " " + nz(r.groupName())).strip();
            return new BinItem(KIND, r.id(), Messages.get("recycleBin.householdName", r.headName()),
                    Messages.get("recycleBin.householdDetails", place, r.memberCount()), h.deletedAt());
        }).toList();
    }

    @Override
    public String restore(UUID id) {
        return Messages.get("recycleBin.householdName",
                service.restore(id).head().map(Member::name).orElse(""));
    }

    @Override
    public void purge(UUID id) {
        service.purge(id);
    }

    @Override
    public int purgeOrder() {
        return 30;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
