package org.townshipledger.common;

import java.util.regex.Pattern;

/**
 * Personal numbers shown partly hidden (lists, exports for display, screenshots). The result always has the
 * length of the input, so columns line up and a wrong length still shows.
 */
public final class Masking {

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private Masking() {
    }

    /**
     * An ID number with its middle hidden: 18 characters show the region code (first 6) and the last 4
     * ({@code 430523********1234}); 15 characters the first 6 and last 4 around 5 stars. Other lengths from 15 up
     * keep the same first 6 and last 4; from 10 to 14 only the last 4 show; shorter than 10 all is hidden.
     * Null gives "".
     */
    public static String idNumber(String id) {
        if (id == null) {
            return "";
        }
        int n = id.length();
        if (n < 10) {
            return "*".repeat(n);
        }
        int head = n >= 15 ? 6 : 0;
        return id.substring(0, head) + "*".repeat(n - head - 4) + id.substring(n - 4);
    }

    /** An 11-digit mobile number as {@code 138****5678}; anything else unchanged. Null gives "". */
    public static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        if (!MOBILE.matcher(phone).matches()) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
