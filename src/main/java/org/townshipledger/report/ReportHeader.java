package org.townshipledger.report;

/**
 * What stands above and below a sheet: the full title ("青石镇 村情一览（2025 年）"), a line under it
 * (county, village), and the 制表人 / 审核人 / 日期 line.
 */
public record ReportHeader(String title, String subtitle, String footer) {
}
