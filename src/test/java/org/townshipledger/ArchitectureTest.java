package org.townshipledger;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.townshipledger.common.ArchEscape;

/**
 * The layout of ARCHITECTURE.md ("Layout: package by feature", "Database and reliability") as rules over the
 * compiled main classes (tests are not analysed).
 *
 * <p>Roles are read from class names: a class belongs to the role of the top-level class it is written in, so
 * nested, local and anonymous classes of {@code VillageService} count as the service. Features are the first
 * package below {@code org.townshipledger} ({@code village}, {@code household}, ...).
 *
 * <p>The banned-API rules (standard streams, java.util.logging, printStackTrace, thread interrupts) accept an
 * {@link ArchEscape} on the class, method or constructor whose reason says why the use is safe. The layer rules
 * have no escape: change the code, or change the rule here and say why in ARCHITECTURE.md.
 */
@AnalyzeClasses(packages = "org.townshipledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "org.townshipledger";
    static final String APP = ROOT + ".app..";
    static final String CLI = ROOT + ".cli..";
    static final String COMMON = ROOT + ".common..";
    static final String DB = ROOT + ".db..";
    static final String DB_JOOQ = ROOT + ".db.jooq..";
    static final String DEMO = ROOT + ".demo..";
    static final String EXCHANGE = ROOT + ".exchange..";
    /** Shared GUI helpers (FXML loading, FX executor, status bar), next to app. */
    static final String UI = ROOT + ".ui..";
    static final String LAUNCHER = ROOT + ".app.Launcher";

    static final String[] UI_LIBRARIES = {"javafx..", "org.controlsfx..", "atlantafx.."};

    // ---- roles ------------------------------------------------------------------------------------------

    static final DescribedPredicate<JavaClass> OURS = resideInAPackage(ROOT + "..");
    static final DescribedPredicate<JavaClass> SERVICES = role("Service");
    /**
     * Repositories, but not the records written inside one (a {@code Filter}, an {@code Uncovered} row): those are
     * plain immutable values that the feature's service takes and returns, so a ViewModel or another feature may
     * hold them without reaching the storage. What the repository rules guard against (saving around the
     * service's rules, another feature's queries) needs the repository class itself.
     */
    static final DescribedPredicate<JavaClass> REPOSITORIES = describe("*Repository classes (not records inside them)",
            c -> role("Repository").test(c) && !isOrIsInsideRecord(c));
    static final DescribedPredicate<JavaClass> CONTROLLERS = role("Controller");
    static final DescribedPredicate<JavaClass> VIEW_MODELS = role("ViewModel");

    /** Records of the registers and shared types (Village, Problem, LedgerSettings...), not GUI helpers. */
    static final DescribedPredicate<JavaClass> DOMAIN_RECORDS = describe(
            "records (outside app/ui, ViewModels and Controllers)",
            c -> OURS.test(c) && isOrIsInsideRecord(c) && !resideInAnyPackage(APP, UI).test(c)
                    && !CONTROLLERS.test(c) && !VIEW_MODELS.test(c));

    // ---- no UI below the GUI --------------------------------------------------------------------------

    @ArchTest
    static final ArchRule core_code_uses_no_ui_library = noClasses()
            .that(SERVICES.or(REPOSITORIES).or(DOMAIN_RECORDS)
                    .or(resideInAnyPackage(DB, COMMON, EXCHANGE, CLI, DEMO)))
            .should().dependOnClassesThat().resideInAnyPackage(UI_LIBRARIES)
            .because("services, storage, files and the CLI run without a window; "
                    + "the CLI must not load JavaFX (ARCHITECTURE.md, Shape and Layout)");

    // ---- SQL stays in repositories and db -------------------------------------------------------------

    @ArchTest
    static final ArchRule jooq_only_in_repositories_services_and_db = noClasses()
            .that(not(REPOSITORIES.or(SERVICES).or(resideInAPackage(DB))))
            .should().dependOnClassesThat().resideInAPackage("org.jooq..")
            .because("queries belong in repositories; a service may only open a transaction "
                    + "(database.dsl().transaction(tx -> ...)) and hand tx.dsl() to its repositories");

    @ArchTest
    static final ArchRule generated_tables_only_in_repositories_and_db = noClasses()
            .that(not(REPOSITORIES.or(resideInAPackage(DB))))
            .should().dependOnClassesThat().resideInAPackage(DB_JOOQ)
            .because("the generated jOOQ tables are for the repositories of every feature, nobody else");

    @ArchTest
    static final ArchRule gui_and_cli_use_no_sql = noClasses()
            .that(CONTROLLERS.or(VIEW_MODELS).or(resideInAnyPackage(APP, CLI, UI)))
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..")
            .because("screens and commands go through services");

    // ---- features ---------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule repositories_are_used_only_inside_their_feature = classes()
            .that(REPOSITORIES).and(resideOutsideOfPackage(DB))
            .should(onlyBeUsedInsideTheirFeature())
            .because("a feature may use the services of another feature, never its repository");

    @ArchTest
    static final ArchRule controllers_are_used_only_inside_their_feature_or_by_app = classes()
            .that(CONTROLLERS)
            .should(onlyBeUsedInsideTheirFeature("app"))
            .because("a feature never uses another feature's controller; app wires controllers to their views")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule controllers_talk_only_to_their_view_model = noClasses()
            .that(CONTROLLERS).and(resideOutsideOfPackage(APP))
            .should().dependOnClassesThat(SERVICES.or(REPOSITORIES).or(resideInAPackage(DB)))
            .because("a controller binds the FXML to its ViewModel, nothing else; only the ViewModel calls services")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule app_controllers_use_no_repositories = noClasses()
            .that(CONTROLLERS).and(resideInAPackage(APP))
            .should().dependOnClassesThat(REPOSITORIES.or(resideInAPackage(DB_JOOQ)))
            .because("the main window may wire services, but data goes through them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule view_models_use_services_not_repositories = noClasses()
            .that(VIEW_MODELS)
            .should().dependOnClassesThat(REPOSITORIES)
            .because("the rules live in the service; a ViewModel that saves through a repository skips them")
            .allowEmptyShould(true);

    // ---- layer direction --------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule common_depends_on_no_feature = classes()
            .that().resideInAPackage(COMMON)
            .should().onlyDependOnClassesThat(not(OURS).or(resideInAPackage(COMMON)))
            .because("common holds small shared types that every feature may use");

    @ArchTest
    static final ArchRule db_depends_only_on_common = classes()
            .that().resideInAPackage(DB)
            .should().onlyDependOnClassesThat(not(OURS).or(resideInAnyPackage(COMMON, DB)))
            .because("every feature may use db; db must not know the features");

    @ArchTest
    static final ArchRule only_app_uses_the_cli = noClasses()
            .that().resideOutsideOfPackages(CLI, APP)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("commands are thin shells over services; nothing below depends on them");

    @ArchTest
    static final ArchRule launcher_is_not_a_javafx_application = classes()
            .that().haveFullyQualifiedName(LAUNCHER)
            .should().notBeAssignableTo("javafx.application.Application")
            .because("with a command the JVM must not need JavaFX (ARCHITECTURE.md, Shape)");

    // ---- banned APIs (escape: @ArchEscape("why it is safe")) -------------------------------------------

    static final DescribedPredicate<JavaAccess<?>> STANDARD_STREAMS = describe("access System.out or System.err",
            a -> a instanceof JavaFieldAccess && a.getTargetOwner().isEquivalentTo(System.class)
                    && (a.getName().equals("out") || a.getName().equals("err")));

    static final DescribedPredicate<JavaAccess<?>> PRINT_STACK_TRACE = describe("call Throwable.printStackTrace()",
            a -> calls(a, Throwable.class.getName(), "printStackTrace"));

    /** Each of these can interrupt a thread that is inside H2, which can corrupt the ledger file. */
    static final DescribedPredicate<JavaAccess<?>> INTERRUPTING_CALLS = describe(
            "call Future.cancel(boolean), Worker.cancel(), Thread.interrupt() or ExecutorService.shutdownNow()",
            a -> calls(a, "java.util.concurrent.Future", "cancel", "boolean")
                    || calls(a, "javafx.concurrent.Worker", "cancel")
                    || calls(a, Thread.class.getName(), "interrupt")
                    || calls(a, "java.util.concurrent.ExecutorService", "shutdownNow"));

    @ArchTest
    static final ArchRule no_standard_streams_outside_the_cli = classes()
            .that().resideOutsideOfPackage(CLI).and().doNotHaveFullyQualifiedName(LAUNCHER)
            .should(notUseUnescaped(STANDARD_STREAMS))
            .because("the window logs through SLF4J; only the CLI and the launcher own stdout and stderr "
                    + "(scripts parse stdout)");

    @ArchTest
    static final ArchRule no_print_stack_trace = classes()
            .should(notUseUnescaped(PRINT_STACK_TRACE))
            .because("errors are logged once through SLF4J and shown to the user as a plain message");

    @ArchTest
    static final ArchRule no_java_util_logging = classes()
            .should(notDependUnescapedOnPackage("java.util.logging"))
            .because("logging goes through SLF4J and Logback (one log file per day in the data folder)");

    @ArchTest
    static final ArchRule nothing_interrupts_a_thread_that_may_be_inside_h2 = classes()
            .should(notUseUnescaped(INTERRUPTING_CALLS))
            .because("an interrupt inside H2 can corrupt the ledger file: cancel by a flag checked between "
                    + "batches, or Statement.cancel() (ARCHITECTURE.md, Database and reliability)");

    @ArchTest
    static final ArchRule escapes_say_why = classes()
            .should(giveAReasonForEveryEscape())
            .because("an @ArchEscape must say why the banned use is safe, so a reviewer can check it");

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Our classes written inside a top-level class whose simple name ends with {@code suffix}. */
    static DescribedPredicate<JavaClass> role(String suffix) {
        return describe("*" + suffix + " classes", c -> OURS.test(c) && topLevel(c).getSimpleName().endsWith(suffix));
    }

    static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    static boolean isOrIsInsideRecord(JavaClass c) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (k.get().isRecord()) {
                return true;
            }
        }
        return false;
    }

    /** The feature package ({@code village}, {@code db}, ...); "" for the root package, null for foreign classes. */
    static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals(ROOT)) {
            return "";
        }
        if (!p.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = p.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static ArchCondition<JavaClass> onlyBeUsedInsideTheirFeature(String... alsoByFeatures) {
        Set<String> also = Set.of(alsoByFeatures);
        String description = "be used only by classes of their own feature package"
                + (also.isEmpty() ? "" : " or of " + String.join(", ", also));
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String own = feature(target);
                for (Dependency d : target.getDirectDependenciesToSelf()) {
                    String from = feature(d.getOriginClass());
                    if (!Objects.equals(from, own) && !also.contains(from)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** A call or method reference to {@code name(paramTypes)} on a type assignable to {@code ownerType}. */
    static boolean calls(JavaAccess<?> a, String ownerType, String name, String... paramTypes) {
        if (!(a.getTarget() instanceof CodeUnitAccessTarget target) || !target.getName().equals(name)) {
            return false;
        }
        List<String> params = target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
        return params.equals(List.of(paramTypes))
                && (a.getTargetOwner().getName().equals(ownerType) || a.getTargetOwner().isAssignableTo(ownerType));
    }

    static ArchCondition<JavaClass> notUseUnescaped(DescribedPredicate<JavaAccess<?>> banned) {
        return new ArchCondition<>("not " + banned.getDescription() + " (unless @ArchEscape says why it is safe)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaAccess<?> a : c.getAccessesFromSelf()) {
                    if (banned.test(a) && !isEscaped(a.getOrigin())) {
                        events.add(SimpleConditionEvent.violated(a, a.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * Every dependency on {@code packageName} is a violation unless the class is escaped, or the dependency is a
     * call or field access made inside an escaped method or constructor. (A field or signature that names a
     * banned type can only be escaped on the class.)
     */
    static ArchCondition<JavaClass> notDependUnescapedOnPackage(String packageName) {
        return new ArchCondition<>("not depend on " + packageName + " (unless @ArchEscape says why it is safe)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (isEscaped(c)) {
                    return;
                }
                Set<String> escapedAccesses = new HashSet<>();
                for (JavaAccess<?> a : c.getAccessesFromSelf()) {
                    if (isEscaped(a.getOrigin())) {
                        escapedAccesses.add(a.getTargetOwner().getName() + "@" + a.getLineNumber());
                    }
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String p = d.getTargetClass().getBaseComponentType().getPackageName();
                    if ((p.equals(packageName) || p.startsWith(packageName + "."))
                            && !escapedAccesses.contains(d.getTargetClass().getName() + "@"
                            + d.getSourceCodeLocation().getLineNumber())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** Escaped: the code unit, or the class it is in, or any class or code unit around that, has @ArchEscape. */
    static boolean isEscaped(JavaCodeUnit codeUnit) {
        return codeUnit.isAnnotatedWith(ArchEscape.class) || isEscaped(codeUnit.getOwner());
    }

    static boolean isEscaped(JavaClass c) {
        if (c.isAnnotatedWith(ArchEscape.class)) {
            return true;
        }
        Optional<JavaCodeUnit> enclosingCode = c.getEnclosingCodeUnit();
        if (enclosingCode.isPresent()) {
            return isEscaped(enclosingCode.get());
        }
        return c.getEnclosingClass().map(ArchitectureTest::isEscaped).orElse(false);
    }

    static ArchCondition<JavaClass> giveAReasonForEveryEscape() {
        return new ArchCondition<>("give a reason of at least 10 characters in every @ArchEscape") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.tryGetAnnotationOfType(ArchEscape.class.getName())
                        .ifPresent(e -> checkReason(c, e, c.getFullName(), events));
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    u.tryGetAnnotationOfType(ArchEscape.class.getName())
                            .ifPresent(e -> checkReason(u, e, u.getFullName(), events));
                }
            }

            private void checkReason(Object where, JavaAnnotation<?> escape, String name, ConditionEvents events) {
                String reason = escape.get("value").map(Object::toString).orElse("").strip();
                if (reason.length() < 10) {
                    events.add(SimpleConditionEvent.violated(where,
                            "@ArchEscape on " + name + " gives no reason why it is safe: \"" + reason + "\""));
                }
            }
        };
    }
}
