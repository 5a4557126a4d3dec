package org.townshipledger.grading;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/**
 * Grades (格次评定 records) removed on their own. Those of a village in the bin are hidden with it and go with its
 * purge. Restoring one is refused while the village has another live grade for that year.
 */
public final class GradeBin implements BinRegister {

    public static final String KIND = "grade";

    private final GradingService service;

    public GradeBin(GradingService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.gradesInBin().stream().map(x -> new BinItem(KIND, x.grade().id(), name(x.grade()),
                details(x.grade()), x.deletedAt())).toList();
    }

    /** "大石村 2025 年格次". */
    public static String name(VillageGrade g) {
        return Messages.get("recycleBin.gradeName", g.villageName(), g.year());
    }

    private static String details(VillageGrade g) {
        String grade = g.grade() == null ? Messages.get("tallyScreen.ungraded") : g.grade().label();
        return g.stars() == null ? Messages.get("recycleBin.gradeDetails", grade)
                : Messages.get("recycleBin.gradeDetailsStars", grade, g.stars());
    }

    @Override
    public String restore(UUID id) {
        return name(service.restoreGrade(id));
    }

    @Override
    public void purge(UUID id) {
        service.purgeGrade(id);
    }

    @Override
    public int purgeOrder() {
        return 8;
    }
}
