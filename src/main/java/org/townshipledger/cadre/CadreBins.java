package org.townshipledger.cadre;

import java.util.List;
import java.util.UUID;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;

/** The cadre register's three parts of the recycle bin: units, cadres and postings. */
public final class CadreBins {

    public static final String UNIT = "unit";
    public static final String CADRE = "cadre";
    public static final String ASSIGNMENT = "assignment";

    private CadreBins() {
    }

    public static List<BinRegister> of(CadreService service) {
        return List.of(units(service), cadres(service), assignments(service));
    }

    static BinRegister units(CadreService service) {
        return new BinRegister() {
            @Override
            public String kind() {
                return UNIT;
            }

            @Override
            public List<BinItem> inBin() {
                return service.unitsInBin().stream().map(u -> new BinItem(UNIT, u.id(), u.name(),
                        String.join(" ", u.level() == null ? "" : u.level().label(),
                                u.type() == null ? "" : u.type().label()).strip(), u.deletedAt())).toList();
            }

            @Override
            public String restore(UUID id) {
                return service.restoreUnit(id).name();
            }

            @Override
            public void purge(UUID id) {
                service.purgeUnit(id);
            }

            @Override
            public int purgeOrder() {
                return 50;
            }
        };
    }

    static BinRegister cadres(CadreService service) {
        return new BinRegister() {
            @Override
            public String kind() {
                return CADRE;
            }

            @Override
            public List<BinItem> inBin() {
                return service.cadresInBin().stream().map(k -> new BinItem(CADRE, k.id(), k.name(),
                        String.join(" ", k.unitName() == null ? "" : k.unitName(),
                                k.rank() == null ? "" : k.rank().label()).strip(), k.deletedAt())).toList();
            }

            @Override
            public String restore(UUID id) {
                return service.restoreCadre(id).name();
            }

            @Override
            public void purge(UUID id) {
                service.purgeCadre(id);
            }

            @Override
            public int purgeOrder() {
                return 40;
            }
        };
    }

    static BinRegister assignments(CadreService service) {
        return new BinRegister() {
            @Override
            public String kind() {
                return ASSIGNMENT;
            }

            @Override
            public List<BinItem> inBin() {
                return service.assignmentsInBin().stream().map(x -> {
                    Assignment a = x.assignment();
                    return new BinItem(ASSIGNMENT, a.id(), Messages.get("recycleBin.assignmentName", a.cadreName(),
                            service.roleLabel(a.role())), Messages.get("recycleBin.assignmentDetails", a.villageName(),
                            a.startDate().toString(), a.endDate() == null ? Messages.get("assignment.open")
                                    : a.endDate().toString()), x.deletedAt());
                }).toList();
            }

            @Override
            public String restore(UUID id) {
                Assignment a = service.restoreAssignment(id);
                return Messages.get("recycleBin.assignmentName", a.cadreName(), service.roleLabel(a.role()));
            }

            @Override
            public void purge(UUID id) {
                service.purgeAssignment(id);
            }

            @Override
            public int purgeOrder() {
                return 20;
            }
        };
    }
}
