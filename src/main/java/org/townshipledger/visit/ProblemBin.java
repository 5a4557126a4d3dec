package org.townshipledger.visit;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/**
 * Problems raised (诉求 / 矛盾纠纷) removed on their own. Those of a visit, household or village in the bin are
 * hidden with it and come back with it.
 */
public final class ProblemBin implements BinRegister {

    public static final String KIND = "problem";

    private final VisitService service;

    public ProblemBin(VisitService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.problemsInBin().stream().map(x -> new BinItem(KIND, x.problem().id(), name(x.problem()),
                details(x.problem()), x.deletedAt())).toList();
    }

    /** "矛盾纠纷·邻里纠纷：张三": the kind and who raised it. */
    public static String name(Problem p) {
        String kind = p.subKind() == null ? p.kind().label() : p.kind().label() + "·" + p.subKind().label();
        String who = p.raisedBy() != null ? p.raisedBy()
                : p.householdName() != null ? Messages.get("recycleBin.householdName", p.householdName()) : "";
        return Messages.get("recycleBin.problemName", kind, who);
    }

    /** "大石村，2026-03-05 反映，已化解". */
    private static String details(Problem p) {
        return Messages.get("recycleBin.problemDetails", nz(p.villageName()),
                p.raisedOn() == null ? "" : p.raisedOn().toString(), p.status().label());
    }

    @Override
    public String restore(UUID id) {
        return name(service.restoreProblem(id));
    }

    @Override
    public void purge(UUID id) {
        service.purgeProblem(id);
    }

    @Override
    public int purgeOrder() {
        return 6;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
