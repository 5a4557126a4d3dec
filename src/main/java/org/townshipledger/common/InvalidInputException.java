package org.townshipledger.common;

import java.util.List;
import java.util.stream.Collectors;

/** What the user gave cannot be saved; nothing was written. Carries every problem found, not just the first. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String message) {
        this(List.of(Problem.onField("", message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
