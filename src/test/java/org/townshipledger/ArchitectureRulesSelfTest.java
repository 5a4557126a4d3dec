package org.townshipledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.logging.LogManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.concurrent.Task;
import org.junit.jupiter.api.Test;
import org.townshipledger.common.ArchEscape;

/**
 * The banned-API rules of {@link ArchitectureTest} run against the small classes below, so that a rule that
 * silently stops seeing anything (a wrong owner type, a lambda or method reference it does not follow, an escape
 * that does not apply) fails here instead of passing on real code forever.
 */
class ArchitectureRulesSelfTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .withImportOption(location -> location.contains("ArchitectureRulesSelfTest$"))
            .importPackages(ArchitectureTest.ROOT);

    @Test
    void standardStreamsAreFoundInMethodsLambdasAndAnonymousClassesUnlessEscaped() {
        assertThat(violators(ArchitectureTest.no_standard_streams_outside_the_cli))
                .containsExactlyInAnyOrder("PrintsToStdout", "PrintsInLambda", "PrintsInAnonymousClass");
    }

    @Test
    void printStackTraceIsFoundOnAnyThrowable() {
        assertThat(violators(ArchitectureTest.no_print_stack_trace)).containsExactlyInAnyOrder("PrintsStackTrace");
    }

    @Test
    void javaUtilLoggingIsFoundAsFieldTypeAndAsCallUnlessEscaped() {
        assertThat(violators(ArchitectureTest.no_java_util_logging))
                .containsExactlyInAnyOrder("UsesJulLogger", "ResetsJulOutsideEscape");
    }

    @Test
    void everyWayToInterruptIsFoundUnlessEscaped() {
        assertThat(violators(ArchitectureTest.nothing_interrupts_a_thread_that_may_be_inside_h2))
                .containsExactlyInAnyOrder("InterruptsThread", "InterruptsByMethodReference", "CancelsFxTask",
                        "CancelsFxTaskMayInterrupt", "CancelsFutureTask", "CancelsCompletableFuture", "ShutsDownNow");
    }

    @Test
    void anEscapeWithoutAReasonIsRefused() {
        assertThat(violators(ArchitectureTest.escapes_say_why)).containsExactlyInAnyOrder("EscapeWithoutReason");
    }

    /** Simple names of the fixture classes the rule reports. */
    private static Set<String> violators(ArchRule rule) {
        List<String> details = rule.evaluate(FIXTURES).getFailureReport().getDetails();
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("ArchitectureRulesSelfTest\\$(\\w+)").matcher(String.join("\n", details));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // ---- fixtures: never run, only read as byte code ----------------------------------------------------

    static class PrintsToStdout {
        void run() {
            System.out.println("x");
        }
    }

    static class PrintsInLambda {
        Runnable run() {
            return () -> System.err.println("x");
        }
    }

    static class PrintsInAnonymousClass {
        Runnable run() {
            return new Runnable() {
                @Override
                public void run() {
                    System.out.println("x");
                }
            };
        }
    }

    static class EscapedMethodWithLambdaAndAnonymousClass {
        @ArchEscape("fixture: an escape on a method covers its lambdas and anonymous classes")
        Runnable run() {
            Runnable r = () -> System.out.println("x");
            return new Runnable() {
                @Override
                public void run() {
                    r.run();
                    System.err.println("x");
                }
            };
        }
    }

    @ArchEscape("fixture: an escape on a class covers the class and its nested classes")
    static class EscapedClass {
        void run() {
            System.out.println("x");
            Thread.currentThread().interrupt();
        }

        static class Nested {
            void run() {
                System.err.println("x");
            }
        }
    }

    static class PrintsStackTrace {
        void run(IOException e) {
            e.printStackTrace();
        }
    }

    static class UsesJulLogger {
        private final java.util.logging.Logger log = java.util.logging.Logger.getLogger("x");
    }

    static class ResetsJulOutsideEscape {
        @ArchEscape("fixture: only the escaped method may touch java.util.logging")
        void bridge() {
            LogManager.getLogManager().reset();
        }

        void other() {
            LogManager.getLogManager().reset();
        }
    }

    static class InterruptsThread {
        void run(Thread t) {
            t.interrupt();
        }
    }

    static class InterruptsByMethodReference {
        Runnable run(Thread t) {
            return t::interrupt;
        }
    }

    static class CancelsFxTask {
        void run(Task<?> task) {
            task.cancel();
        }
    }

    static class CancelsFxTaskMayInterrupt {
        void run(Task<?> task) {
            task.cancel(true);
        }
    }

    static class CancelsFutureTask {
        void run(FutureTask<?> f) {
            f.cancel(false);
        }
    }

    static class CancelsCompletableFuture {
        void run(CompletableFuture<?> f) {
            f.cancel(true);
        }
    }

    static class ShutsDownNow {
        void run(ExecutorService e) {
            e.shutdownNow();
        }
    }

    static class EscapedCancel {
        @ArchEscape("fixture: cancel(false) never interrupts; the escape accepts it")
        void run(FutureTask<?> f) {
            f.cancel(false);
        }
    }

    static class EscapeWithoutReason {
        @ArchEscape(" ")
        void run() {
        }
    }
}
