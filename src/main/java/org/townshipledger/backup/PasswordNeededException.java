package org.townshipledger.backup;

import org.townshipledger.common.InvalidInputException;

/** The backup is encrypted and no password was given; nothing was changed. */
public final class PasswordNeededException extends InvalidInputException {

    public PasswordNeededException(String message) {
        super(message);
    }
}
