package org.townshipledger.visit;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/** Help given (帮扶措施) removed on their own. Those of a household or village in the bin are hidden with it. */
public final class HelpBin implements BinRegister {

    public static final String KIND = "help";
    /** Longer descriptions are cut in the bin's name column. */
    static final int NAME_CHARS = 30;

    private final VisitService service;

    public HelpBin(VisitService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.helpInBin().stream().map(x -> new BinItem(KIND, x.item().id(), name(x.item()),
                details(x.item()), x.deletedAt())).toList();
    }

    /** "产业：发放鸡苗 200 只": the kind and what was given (the kind alone when nothing is described). */
    public static String name(HelpItem h) {
        String what = h.description() == null ? "" : h.description().strip();
        if (what.isEmpty()) {
            return h.kind().label();
        }
        if (what.codePointCount(0, what.length()) > NAME_CHARS) {
            what = what.substring(0, what.offsetByCodePoints(0, NAME_CHARS)) + "…";
        }
        return Messages.get("recycleBin.helpName", h.kind().label(), what);
    }

    /** "大石村 张大山户，2026-03-05，资金 1200.00 元，物资折款 0.00 元". */
    private static String details(HelpItem h) {
        String target = h.target() == VisitTarget.HOUSEHOLD && h.householdName() != null
                ? (nz(h.villageName()) + " " + Messages.get("recycleBin.householdName", h.householdName())).strip()
                : nz(h.villageName());
        return Messages.get("recycleBin.helpDetails", target, h.date() == null ? "" : h.date().toString(),
                h.money() == null ? "0.00" : h.money().toPlainString(),
                h.goodsValue() == null ? "0.00" : h.goodsValue().toPlainString());
    }

    @Override
    public String restore(UUID id) {
        return name(service.restoreHelp(id));
    }

    @Override
    public void purge(UUID id) {
        service.purgeHelp(id);
    }

    @Override
    public int purgeOrder() {
        return 7;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
