package org.townshipledger.pairing;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/** Pairings removed on their own (entered by mistake). Those of a deleted household or cadre are hidden with it. */
public final class PairingBin implements BinRegister {

    public static final String KIND = "pairing";

    private final PairingService service;

    public PairingBin(PairingService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.pairingsInBin().stream().map(x -> new BinItem(KIND, x.pairing().id(), name(x.pairing()),
                details(x.pairing()), x.deletedAt())).toList();
    }

    public static String name(Pairing p) {
        return Messages.get("recycleBin.pairingName", nz(p.helperName()),
                p.targetName() == null ? p.target().label() : p.targetName());
    }

    private static String details(Pairing p) {
        return Messages.get("recycleBin.pairingDetails", p.target().label(), nz(p.villageName()),
                p.startDate().toString());
    }

    @Override
    public String restore(UUID id) {
        return name(service.restore(id));
    }

    @Override
    public void purge(UUID id) {
        service.purge(id);
    }

    @Override
    public int purgeOrder() {
        return 10;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
