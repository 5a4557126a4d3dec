package org.townshipledger.grading;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/**
 * Star ratings of members (五星党员) and secretaries (五星书记) removed on their own. Restoring one is refused while
 * the same person has another live rating of that year and subject.
 */
public final class StarBin implements BinRegister {

    public static final String KIND = "star";

    private final GradingService service;

    public StarBin(GradingService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.starsInBin().stream().map(x -> new BinItem(KIND, x.rating().id(), name(x.rating()),
                details(x.rating()), x.deletedAt())).toList();
    }

    /** "张秀英（党员）2025 年星级评定". */
    public static String name(StarRating s) {
        return Messages.get("recycleBin.starName", s.personName(), s.year(), s.subject().shortLabel());
    }

    private static String details(StarRating s) {
        return Messages.get("recycleBin.starDetails", s.villageName() == null ? "" : s.villageName(), s.stars());
    }

    @Override
    public String restore(UUID id) {
        return name(service.restoreStar(id));
    }

    @Override
    public void purge(UUID id) {
        service.purgeStar(id);
    }

    @Override
    public int purgeOrder() {
        return 11;
    }
}
