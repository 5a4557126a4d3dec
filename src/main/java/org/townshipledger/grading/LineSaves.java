package org.townshipledger.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;

/**
 * Saving a screen edited like a sheet (格次评定, 述职考核, 星级评定) line by line: each line is its own record, so one
 * refused or stale line does not hold the others back. {@link #saveEach} runs on the background executor,
 * {@link #apply} on the FX thread with what it returned.
 */
final class LineSaves {

    private LineSaves() {
    }

    /** What saving one line came to: the record as saved, or why it was not. */
    record Outcome<R, S>(R row, S saved, String error) {
    }

    /** Saves {@code drafts[i]} for {@code rows[i]}, one after the other; a refusal is kept with its line. */
    static <R, D, S> List<Outcome<R, S>> saveEach(List<R> rows, List<D> drafts, Function<D, S> save) {
        List<Outcome<R, S>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                out.add(new Outcome<>(rows.get(i), save.apply(drafts.get(i)), null));
            } catch (InvalidInputException e) {
                out.add(new Outcome<>(rows.get(i), null, e.problems().stream().map(Problem::describe)
                        .reduce((a, b) -> a + "；" + b).orElse(e.getMessage())));
            } catch (StaleRecordException e) {
                out.add(new Outcome<>(rows.get(i), null, e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Hands each saved line its record and each refused one its reason, and says what came of it all: "已保存 3 行",
     * or with the number not saved ({@code held} lines had problems and were not sent).
     */
    static <R, S> String apply(List<Outcome<R, S>> outcomes, int held, BiConsumer<R, S> saved,
                               BiConsumer<R, String> refused) {
        int done = 0;
        int notDone = held;
        for (Outcome<R, S> o : outcomes) {
            if (o.saved() != null) {
                saved.accept(o.row(), o.saved());
                done++;
            } else {
                refused.accept(o.row(), o.error());
                notDone++;
            }
        }
        return notDone == 0 ? Messages.get("gradingScreen.saved", done)
                : Messages.get("gradingScreen.savedWithErrors", done, notDone);
    }
}
