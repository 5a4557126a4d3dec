package org.townshipledger.household;

import java.math.BigDecimal;

/** 人均纯收入: per-capita net income of the household in a year, in yuan (exact decimals). */
public record Income(int year, BigDecimal perCapita) {
}
