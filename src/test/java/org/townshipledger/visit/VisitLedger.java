package org.townshipledger.visit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** A small ledger on a real H2 file for the visit tests: today is {@link #TODAY}, the working year 2026. */
final class VisitLedger implements AutoCloseable {

    static final int YEAR = 2026;
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    final Database db;
    final SettingsStore settings;
    final VillageService villages;
    final CadreService cadres;
    final HouseholdService households;
    final PairingService pairings;
    final VisitService visits;
    final Unit bureau;
    final Clock clock;
    private int sequence = 1;

    VisitLedger(Path dir) {
        this(dir, TODAY);
    }

    VisitLedger(Path dir, LocalDate today) {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", YEAR));
        clock = Clock.fixed(Instant.parse(today + "T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        households = new HouseholdService(db, villages, settings, clock);
        pairings = new PairingService(db, cadres, villages, settings, clock);
        visits = new VisitService(db, cadres, households, villages, settings, clock);
        bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
    }

    Village village(String name) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null,
                Set.of(), List.of(), 0, null, null));
    }

    Cadre cadre(String name) {
        return cadre(name, Rank.GENERAL);
    }

    Cadre cadre(String name, Rank rank) {
        LocalDate birth = LocalDate.of(1980, 5, 1);
        String id = IdNumber.make("430598", birth, 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, "1390000" + (1000 + sequence), bureau.id(),
                null, rank, true, null, 0, null));
    }

    Household household(Village v, String head) {
        int seq = 2 * sequence++ + 1;
        return households.save(SampleHouseholds.household(v, SampleHouseholds.member(head, Relation.HEAD,
                LocalDate.of(1970, 1, 1).plusDays(seq), seq))).household();
    }

    @Override
    public void close() {
        db.close();
    }
}
