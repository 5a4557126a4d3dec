package org.townshipledger.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cadres list}, {@code units list}, {@code assignments list}: the cadre registers on the terminal. */
final class CadresCommand {

    private CadresCommand() {
    }

    static CadreService open(Database db) {
        SettingsStore settings = new SettingsStore(db.dsl());
        Clock clock = Clock.systemDefaultZone();
        return new CadreService(db, new VillageService(db, settings, clock), settings, clock);
    }

    static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    @Command(name = "cadres", mixinStandardHelpOptions = true,
            subcommands = {Cadres.ListCadres.class, Cadres.ImportCadres.class, Cadres.ExportCadres.class})
    static final class Cadres extends GroupCommand {

        @Command(name = "list", mixinStandardHelpOptions = true)
        static final class ListCadres extends LedgerCommand {
            @Option(names = "--search", paramLabel = "TEXT", descriptionKey = "search")
            String search;

            @Override
            void run(Database db) {
                LocalDate today = LocalDate.now();
                TextTable.print(spec.commandLine().getOut(),
                        List.of(Messages.get("cadre.field.name"), Messages.get("cadre.field.sex"),
                                Messages.get("cadre.field.age"), Messages.get("cadre.field.idNumber"),
                                Messages.get("cadre.field.unit"), Messages.get("cadre.field.rank"),
                                Messages.get("cadre.field.phone")),
                        open(db).cadres(search, null, null).stream().map(k -> List.of(k.name(), k.sex().label(),
                                k.birthDate() == null ? "" : Integer.toString(k.ageOn(today)),
                                Masking.idNumber(k.idNumber()), s(k.unitName()),
                                k.rank() == null ? "" : k.rank().label(), s(k.phone()))).toList());
            }
        }

        @Command(name = "import", mixinStandardHelpOptions = true)
        static final class ImportCadres extends ImportFileCommand {
            @Override
            String importInto(Database db) {
                ImportCount r = open(db).importCadres(file);
                return Messages.get("cli.cadres.imported", r.added(), r.updated());
            }
        }

        @Command(name = "export", mixinStandardHelpOptions = true)
        static final class ExportCadres extends LedgerCommand {
            @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
            Path out;

            @Option(names = "--full-id", descriptionKey = "fullId")
            boolean fullId;

            @Override
            void run(Database db) throws IOException {
                int n = open(db).exportCadres(out, fullId);
                spec.commandLine().getOut().println(Messages.get("cli.cadres.exported", n, out.toAbsolutePath()));
            }
        }
    }

    @Command(name = "units", mixinStandardHelpOptions = true,
            subcommands = {Units.ListUnits.class, Units.ImportUnits.class, Units.ExportUnits.class})
    static final class Units extends GroupCommand {

        @Command(name = "list", mixinStandardHelpOptions = true)
        static final class ListUnits extends LedgerCommand {
            @Override
            void run(Database db) {
                List<Unit> units = open(db).units();
                TextTable.print(spec.commandLine().getOut(),
                        List.of(Messages.get("unit.field.name"), Messages.get("unit.field.level"),
                                Messages.get("unit.field.type"), Messages.get("unit.field.contact"),
                                Messages.get("cadre.field.phone")),
                        units.stream().map(u -> List.of(u.name(), u.level() == null ? "" : u.level().label(),
                                u.type() == null ? "" : u.type().label(), s(u.contactPerson()), s(u.phone())))
                                .toList());
            }
        }

        @Command(name = "import", mixinStandardHelpOptions = true)
        static final class ImportUnits extends ImportFileCommand {
            @Override
            String importInto(Database db) {
                ImportCount r = open(db).importUnits(file);
                return Messages.get("cli.units.imported", r.added(), r.updated());
            }
        }

        @Command(name = "export", mixinStandardHelpOptions = true)
        static final class ExportUnits extends LedgerCommand {
            @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
            Path out;

            @Override
            void run(Database db) throws IOException {
                int n = open(db).exportUnits(out);
                spec.commandLine().getOut().println(Messages.get("cli.units.exported", n, out.toAbsolutePath()));
            }
        }
    }

    @Command(name = "assignments", mixinStandardHelpOptions = true,
            subcommands = {Assignments.ListAssignments.class, Assignments.ImportAssignments.class,
                Assignments.ExportAssignments.class})
    static final class Assignments extends GroupCommand {

        @Command(name = "list", mixinStandardHelpOptions = true)
        static final class ListAssignments extends LedgerCommand {
            @Option(names = "--village", paramLabel = "NAME", descriptionKey = "reportVillage")
            String village;

            @Option(names = "--role", paramLabel = "ROLE", descriptionKey = "role")
            String role;

            @Override
            void run(Database db) {
                CadreService cadres = open(db);
                UUID villageId = villageId(db, village);
                String roleCode = role == null ? null : cadres.role(role).orElseThrow(() ->
                        new InvalidInputException(Messages.get("assignment.error.role", role))).code();
                List<Assignment> list = cadres.assignments(null, villageId, roleCode);
                TextTable.print(spec.commandLine().getOut(),
                        List.of(Messages.get("check.column.village"), Messages.get("assignment.field.role"),
                                Messages.get("cadre.field.name"), Messages.get("assignment.field.from"),
                                Messages.get("assignment.field.to"), Messages.get("assignment.field.sentBy"),
                                Messages.get("assignment.field.endReason")),
                        list.stream().map(a -> List.of(a.villageName(), cadres.roleLabel(a.role()), a.cadreName(),
                                a.startDate().toString(), a.endDate() == null ? Messages.get("assignment.open")
                                        : a.endDate().toString(), s(a.sentByUnitName()), s(a.endReason()))).toList());
            }
        }

        @Command(name = "import", mixinStandardHelpOptions = true)
        static final class ImportAssignments extends ImportFileCommand {
            @Override
            String importInto(Database db) {
                ImportCount r = open(db).importAssignments(file);
                return Messages.get("cli.assignments.imported", r.added(),
                        r.updated());
            }
        }

        @Command(name = "export", mixinStandardHelpOptions = true)
        static final class ExportAssignments extends LedgerCommand {
            @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
            Path out;

            @Option(names = "--village", paramLabel = "NAME", descriptionKey = "exportVillage")
            String village;

            @Override
            void run(Database db) throws IOException {
                int n = open(db).exportAssignments(out, villageId(db, village));
                spec.commandLine().getOut().println(Messages.get("cli.assignments.exported", n,
                        out.toAbsolutePath()));
            }
        }
    }

    /** The village of that name, null when no name is given; an unknown name is bad input. */
    static UUID villageId(Database db, String name) {
        return name == null ? null : new VillageService(db).villages().stream()
                .filter(v -> v.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException(Messages.get("report.error.noVillage", name)))
                .id();
    }
}
