package org.townshipledger.village;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/** Villages in the recycle bin. Restoring a village brings back its groups and everything hidden with it. */
public final class VillageBin implements BinRegister {

    public static final String KIND = "village";

    private final VillageService service;

    public VillageBin(VillageService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.villagesInBin().stream().map(v -> new BinItem(KIND, v.id(), v.name(),
                Messages.get("recycleBin.villageDetails", v.kind().label(), v.groups().size()), v.deletedAt()))
                .toList();
    }

    @Override
    public String restore(UUID id) {
        return service.restore(id).name();
    }

    @Override
    public void purge(UUID id) {
        service.purge(id);
    }

    @Override
    public int purgeOrder() {
        return 60;
    }
}
