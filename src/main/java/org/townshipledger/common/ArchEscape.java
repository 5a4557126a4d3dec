package org.townshipledger.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a class, method or constructor from the banned-API rules of {@code ArchitectureTest}: standard
 * streams, {@code java.util.logging}, {@code printStackTrace()}, and the calls that can interrupt a thread
 * that may be inside H2 ({@code Future.cancel(boolean)}, {@code Worker.cancel()}, {@code Thread.interrupt()},
 * {@code ExecutorService.shutdownNow()}). The layer rules have no escape.
 *
 * <p>On a method or constructor it covers the lambdas and anonymous classes written in it; on a class, the
 * whole class with its nested classes. Put it on the smallest element that needs it.
 *
 * <p>The {@link #value() reason} must say why the use is safe here, not just what the code does, e.g.
 * {@code "cancel(false) never interrupts; the task only reads the import file and holds no connection"}.
 * A reviewer should be able to check the claim from the reason and the code alone.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface ArchEscape {

    /** Why this use is safe here (what the banned API protects against, and why that cannot happen). */
    String value();
}
