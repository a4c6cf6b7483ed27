package dev.tollgate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tollgate version}: what {@code tollgate --version} prints, for those who type it as a command. */
@Command(name = "version", description = "Prints the version of Tollgate.")
final class VersionCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    CommandLine tollgate = spec.parent().commandLine();
    tollgate.printVersionHelp(spec.commandLine().getOut());
  }
}
