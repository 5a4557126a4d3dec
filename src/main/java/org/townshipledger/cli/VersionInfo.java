package org.townshipledger.cli;

import org.townshipledger.common.Messages;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by Maven), or "dev" when run from the source tree. */
public final class VersionInfo implements IVersionProvider {

    public static String version() {
        String v = VersionInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {Messages.get("app.title") + " " + version()};
    }
}
