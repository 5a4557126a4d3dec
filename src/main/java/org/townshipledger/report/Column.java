package org.townshipledger.report;

/**
 * A column of a printed sheet.
 *
 * @param width relative width in millimetres on paper; the sum decides portrait or landscape
 * @param align how the cells line up
 */
public record Column(String header, float width, Align align) {

    public enum Align { LEFT, CENTER, RIGHT }

    public static Column left(String header, float width) {
        return new Column(header, width, Align.LEFT);
    }

    public static Column center(String header, float width) {
        return new Column(header, width, Align.CENTER);
    }

    public static Column right(String header, float width) {
        return new Column(header, width, Align.RIGHT);
    }
}
