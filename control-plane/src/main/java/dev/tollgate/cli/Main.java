package dev.tollgate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tollgate} command. picocli lists each command with the first line of its description
 * only, so in every command that line is a short sentence of its own.
 */
@Command(
    name = "tollgate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A control plane for Envoy: Gateway API and policy resources in, validated xDS out.",
    subcommands = {TranslateCommand.class, ExplainCommand.class, DiffCommand.class, ValidateCommand.class, ServeCommand.class, BootstrapCommand.class, RenderCommand.class, CertsCommand.class,
        VersionCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error",
      "2:invalid command line",
      "3:an input could not be read",
      "4:something was rejected (translate --strict: an object; validate: a resource; bootstrap: the bootstrap; "
          + "explain: an --assert; diff: a --fail-on class)"
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    LibraryLogging.quiet();
    System.exit(run(args));
  }

  private static PrintWriter stdout;

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    stdout = new PrintWriter(System.out, true);
    return run(stdout, new PrintWriter(System.err, true), args);
  }

  /** Whether a command's output goes to the process's standard output (which may be a terminal), not to a test's buffer. */
  static boolean writesToConsole(PrintWriter out) {
    return out == stdout;
  }

  /** Runs the command line with the given output streams (tests use this). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("tollgate: internal error: " + e);
      e.printStackTrace(commandLine.getErr());
      // diff's 1 means "changes", as diff(1)'s does: its internal errors must not read as that
      return commandLine.getCommand() instanceof DiffCommand ? ExitCodes.DIFF_INTERNAL_ERROR : ExitCodes.INTERNAL_ERROR;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
