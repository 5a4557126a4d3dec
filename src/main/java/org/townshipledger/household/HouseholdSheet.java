package org.townshipledger.household;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Sex;
import org.townshipledger.exchange.HeaderAliases;

/**
 * The households sheet as the national monitoring system exports it: one member per row, the household's own
 * facts repeated on each of its rows. Headers are the file format (always Chinese); the usual variants are
 * accepted on import ({@link #ALIASES}). Export writes {@link #HEADERS}, so an export imports back unchanged.
 */
public final class HouseholdSheet {

    public static final String H_NO = "户编号";
    public static final String H_VILLAGE = "村";
    public static final String H_GROUP = "组";
    public static final String H_NAME = "姓名";
    public static final String H_ID = "证件号码";
    public static final String H_RELATION = "与户主关系";
    public static final String H_SEX = "性别";
    public static final String H_BIRTH = "出生日期";
    public static final String H_ETHNICITY = "民族";
    public static final String H_EDUCATION = "文化程度";
    public static final String H_IN_SCHOOL = "在校生情况";
    public static final String H_HEALTH = "健康状况";
    public static final String H_LABOUR = "劳动技能";
    public static final String H_WORK = "务工状况";
    public static final String H_PHONE = "联系电话";
    public static final String H_CATEGORY = "贫困户属性";
    public static final String H_CAUSE = "主要致贫原因";
    public static final String H_STATUS = "脱贫状态";
    public static final String H_EXIT_YEAR = "脱贫年度";
    public static final String H_MONITORING = "监测对象类别";
    public static final String H_RISK = "风险类别";
    public static final String H_RISK_ELIMINATED = "风险是否消除";
    public static final String H_INCOME = "人均纯收入";
    public static final String H_FOOD = "吃穿不愁";
    public static final String H_EDUCATION_ASSURED = "义务教育有保障";
    public static final String H_MEDICAL = "基本医疗有保障";
    public static final String H_HOUSING = "住房安全有保障";
    public static final String H_WATER = "饮水安全有保障";

    /** The columns written on export, in this order. */
    public static final List<String> HEADERS = List.of(H_NO, H_VILLAGE, H_GROUP, H_NAME, H_ID, H_RELATION, H_SEX,
            H_BIRTH, H_ETHNICITY, H_EDUCATION, H_IN_SCHOOL, H_HEALTH, H_LABOUR, H_WORK, H_PHONE, H_CATEGORY, H_CAUSE,
            H_STATUS, H_EXIT_YEAR, H_MONITORING, H_RISK, H_RISK_ELIMINATED, H_INCOME, H_FOOD, H_EDUCATION_ASSURED,
            H_MEDICAL, H_HOUSING, H_WATER);

    /** The five 两不愁三保障 + 饮水 columns. */
    public static final List<String> CHECK_HEADERS = List.of(H_FOOD, H_EDUCATION_ASSURED, H_MEDICAL, H_HOUSING, H_WATER);

    /** Columns a sheet must have to be read at all (its header row is the first row naming them). */
    public static final List<String> REQUIRED = List.of(H_VILLAGE, H_NAME, H_ID, H_RELATION);

    /** Other names of each column, as offices and the national system write them. */
    public static final HeaderAliases ALIASES = new HeaderAliases(aliases());

    /** Written as the 户编号 of a household that has none: "TL" and the first 16 hex digits of its id. */
    static final String SYNTHETIC_NO_PREFIX = "TL";

    static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    static final String YES = "是";
    static final String NO = "否";

    private HouseholdSheet() {
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(H_NO, List.of("户号", "户编码", "家庭编号"));
        m.put(H_VILLAGE, List.of("行政村", "所在村", "村名", "村（社区）", "行政村（社区）", "所在行政村", "嘎查村"));
        m.put(H_GROUP, List.of("村民小组", "所在组", "组别"));
        m.put(H_NAME, List.of("成员姓名", "家庭成员姓名"));
        m.put(H_ID, List.of("身份证号", "身份证号码", "证件号", "公民身份号码", "身份证件号码"));
        m.put(H_RELATION, List.of("与户主的关系", "户主关系"));
        m.put(H_SEX, List.of());
        m.put(H_BIRTH, List.of("出生年月日", "出生年月"));
        m.put(H_ETHNICITY, List.of());
        m.put(H_EDUCATION, List.of("学历"));
        m.put(H_IN_SCHOOL, List.of("在校生状况", "在校情况"));
        m.put(H_HEALTH, List.of("健康状态"));
        m.put(H_LABOUR, List.of("劳动能力"));
        m.put(H_WORK, List.of("务工情况"));
        m.put(H_PHONE, List.of("电话", "联系方式", "手机号码", "电话号码"));
        m.put(H_CATEGORY, List.of("贫困户类型", "户属性"));
        m.put(H_CAUSE, List.of("致贫原因"));
        m.put(H_STATUS, List.of("是否脱贫", "脱贫状况"));
        m.put(H_EXIT_YEAR, List.of("脱贫时间", "脱贫年份"));
        m.put(H_MONITORING, List.of("防返贫监测对象类别", "监测对象类型", "监测类型"));
        m.put(H_RISK, List.of("致贫风险", "风险类型", "主要风险类别", "返贫致贫风险"));
        m.put(H_RISK_ELIMINATED, List.of("是否风险消除", "风险消除"));
        m.put(H_INCOME, List.of("家庭人均纯收入"));
        m.put(H_FOOD, List.of("不愁吃不愁穿", "不愁吃穿"));
        m.put(H_EDUCATION_ASSURED, List.of("义务教育保障"));
        m.put(H_MEDICAL, List.of("基本医疗保障"));
        m.put(H_HOUSING, List.of("住房安全保障"));
        m.put(H_WATER, List.of("饮水安全保障", "饮水安全"));
        return m;
    }

    /** The 户编号 written for a household: its own, or a stable one made from its id when it has none. */
    public static String householdNo(Household h) {
        if (h.householdNo() != null && !h.householdNo().isBlank()) {
            return h.householdNo();
        }
        return syntheticNo(h.id());
    }

    static String syntheticNo(UUID id) {
        return SYNTHETIC_NO_PREFIX + id.toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }

    /**
     * The rows of one household in the file format, head first as the ledger orders members.
     *
     * @param check  the check of the year exported, or null
     * @param income the income of the year exported, or null
     * @param fullId false to mask ID numbers ({@code 430523********1234})
     */
    public static List<List<String>> rows(Household h, HouseholdCheck check, Income income, boolean fullId) {
        List<List<String>> rows = new ArrayList<>(h.members().size());
        String no = householdNo(h);
        for (Member m : h.members()) {
            List<String> r = new ArrayList<>(HEADERS.size());
            r.add(no);
            r.add(nz(h.villageName()));
            r.add(nz(h.groupName()));
            r.add(m.name());
            r.add(fullId ? m.idNumber() : Masking.idNumber(m.idNumber()));
            r.add(label(m.relation() == null ? null : m.relation().fileLabel()));
            r.add(sexLabel(m.sex()));
            r.add(m.birthDate() == null ? "" : DATE.format(m.birthDate()));
            r.add(nz(m.ethnicity()));
            r.add(m.education() == null ? "" : m.education().fileLabel());
            r.add(m.inSchool() == null ? "" : m.inSchool().fileLabel());
            r.add(m.health() == null ? "" : m.health().fileLabel());
            r.add(m.labourSkill() == null ? "" : m.labourSkill().fileLabel());
            r.add(m.workStatus() == null ? "" : m.workStatus().fileLabel());
            r.add(nz(h.phone()));
            r.add(h.category() == null ? "" : h.category().fileLabel());
            r.add(h.mainCause() == null ? "" : h.mainCause().fileLabel());
            r.add(h.status() == null ? "" : h.status().fileLabel());
            r.add(h.exitYear() == null ? "" : h.exitYear().toString());
            r.add(h.monitoringType() == null ? "" : h.monitoringType().fileLabel());
            r.add(h.riskType() == null ? "" : h.riskType().fileLabel());
            r.add(h.monitoringType() == null && !h.riskEliminated() ? "" : yes(h.riskEliminated()));
            r.add(income == null ? "" : income.perCapita().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            r.add(check == null ? "" : yes(check.foodAndClothing()));
            r.add(check == null ? "" : yes(check.compulsoryEducation()));
            r.add(check == null ? "" : yes(check.basicMedical()));
            r.add(check == null ? "" : yes(check.housingSafety()));
            r.add(check == null ? "" : yes(check.drinkingWater()));
            rows.add(r);
        }
        return rows;
    }

    /** 男 / 女 as the file writes them, whatever the UI language. */
    static String sexLabel(Sex sex) {
        return sex == null ? "" : sex == Sex.MALE ? "男" : "女";
    }

    static String yes(boolean b) {
        return b ? YES : NO;
    }

    private static String label(String s) {
        return s == null ? "" : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
