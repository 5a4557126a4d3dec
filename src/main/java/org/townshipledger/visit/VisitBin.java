package org.townshipledger.visit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/**
 * Visits removed on their own (entered by mistake). Restoring one brings back its cadres and the problems raised on
 * it; purging one deletes those for good with it. Visits of a household or village in the bin are hidden with it
 * and are not listed here.
 */
public final class VisitBin implements BinRegister {

    public static final String KIND = "visit";

    private final VisitService service;

    public VisitBin(VisitService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        List<VisitInBin> list = service.visitsInBinWithTimes();
        if (list.isEmpty()) {
            return List.of();
        }
        Map<String, String> kinds = service.kinds().stream()
                .collect(Collectors.toMap(VisitKind::code, VisitKind::label, (a, b) -> a));
        return list.stream().map(x -> new BinItem(KIND, x.visit().id(), name(x.visit()),
                details(x.visit(), kinds.getOrDefault(x.visit().kind(), x.visit().kind())), x.deletedAt())).toList();
    }

    /** "2026-03-05 张大山户": the date and whom the visit went to. */
    public static String name(Visit v) {
        String target = nz(v.targetName());
        if (v.target() == VisitTarget.HOUSEHOLD && !target.isEmpty()) {
            target = Messages.get("recycleBin.householdName", target);
        }
        return Messages.get("recycleBin.visitName", v.date() == null ? "" : v.date().toString(), target);
    }

    /** "入户走访，大石村，走访干部：李明、王芳". */
    private static String details(Visit v, String kind) {
        String place = v.villageName() != null ? v.villageName() : v.target().label();
        return Messages.get("recycleBin.visitDetails", kind, place, String.join("、", v.cadreNames()));
    }

    @Override
    public String restore(UUID id) {
        return name(service.restore(id));
    }

    @Override
    public void purge(UUID id) {
        service.purge(id);
    }

    /** Before households (30), cadres (40), units (50) and villages (60), whose purges would find it in the way. */
    @Override
    public int purgeOrder() {
        return 5;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
