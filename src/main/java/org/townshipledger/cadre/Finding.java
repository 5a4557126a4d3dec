package org.townshipledger.cadre;

/**
 * Something a check found, for the 检查 screen and {@code check assignments}.
 *
 * @param village   the village it is about
 * @param rule      the rule's short name, e.g. 缺驻村第一书记
 * @param detail    what exactly is wrong
 * @param inCharge  who to call: the village's 包村领导 (or 包村干部), or a note that nobody is in charge
 */
public record Finding(String village, String rule, String detail, String inCharge) {
}
