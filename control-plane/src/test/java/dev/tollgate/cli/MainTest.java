package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void help_printsTheCommandList_andHelpOfACommand_theUsageOfThatCommand() {
    CliRun help = CliRun.of("help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).isEqualTo(CliRun.of("--help").out()).contains("Usage: tollgate", "translate", "bootstrap");

    CliRun translate = CliRun.of("help", "translate");
    assertThat(translate.exitCode()).isZero();
    assertThat(translate.out()).isEqualTo(CliRun.of("translate", "--help").out()).startsWith("Usage: tollgate translate");
  }

  @Test
  void version_printsWhatDashDashVersionPrints() {
    CliRun version = CliRun.of("version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).isEqualTo(CliRun.of("--version").out()).startsWith("tollgate ");
  }

  @Test
  void commandList_showsEachCommandsFirstDescriptionLine_aCompleteSentence() {
    String help = CliRun.of("--help").out().replaceAll("\\s+", " ");
    for (CommandLine sub : new CommandLine(new Main()).getSubcommands().values()) {
      var usage = sub.getCommandSpec().usageMessage();
      String first = usage.header().length > 0 ? usage.header()[0] : usage.description()[0]; // what picocli lists
      assertThat(first).as(sub.getCommandName()).endsWith(".").hasSizeLessThan(70);
      assertThat(help).contains(sub.getCommandName() + " " + first);
    }
  }
}
