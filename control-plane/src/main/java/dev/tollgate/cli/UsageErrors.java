package dev.tollgate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Reports a bad command line in one line (picocli's default follows it with the whole usage,
 * which buries the line that matters), plus picocli's suggestions for a mistyped name.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
