package org.townshipledger.backup;

import org.townshipledger.common.InvalidInputException;

/** The password given for an encrypted backup is not the one it was made with; nothing was changed. */
public final class WrongPasswordException extends InvalidInputException {

    public WrongPasswordException(String message) {
        super(message);
    }
}
