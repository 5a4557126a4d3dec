package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 防返贫监测对象类别 (kind of monitored household), in the national monitoring system's wording. */
public enum MonitoringType {
    UNSTABLE, MARGINAL, SUDDEN;

    static final String KEY = "household.monitoring.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<MonitoringType> parse(String text) {
        return Codes.parse(MonitoringType.class, KEY, text);
    }
}
