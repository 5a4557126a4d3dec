package org.townshipledger.grading;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/**
 * 述职 reviews removed on their own. Those of a cadre in the bin are hidden with the cadre and go with its purge.
 * Restoring one is refused while the secretary has another live review of that year and kind.
 */
public final class ReviewBin implements BinRegister {

    public static final String KIND = "review";

    private final GradingService service;

    public ReviewBin(GradingService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<BinItem> inBin() {
        return service.reviewsInBin().stream().map(x -> new BinItem(KIND, x.review().id(), name(x.review()),
                details(x.review()), x.deletedAt())).toList();
    }

    /** "王书记 2025 年述职". */
    public static String name(SecretaryReview v) {
        return Messages.get("recycleBin.reviewName", v.cadreName(), v.year());
    }

    private static String details(SecretaryReview v) {
        return Messages.get("recycleBin.reviewDetails", v.kind().label(),
                v.villageName() == null ? "" : v.villageName(), v.total().stripTrailingZeros().toPlainString(),
                v.result().label());
    }

    @Override
    public String restore(UUID id) {
        return name(service.restoreReview(id));
    }

    @Override
    public void purge(UUID id) {
        service.purgeReview(id);
    }

    @Override
    public int purgeOrder() {
        return 9;
    }
}
